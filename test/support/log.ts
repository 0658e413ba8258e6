// A silent logger for tests.
import { createLogger } from '../../server/log.js'

export const silentLog = createLogger('silent')
