// Process entry point: `npm start` runs this. Stops cleanly on SIGINT/SIGTERM, storing every room.
import { readConfig } from './config.js'
import { createLogger } from './log.js'
import { startServer } from './server.js'

const config = readConfig()
const log = createLogger(config.logLevel)
const server = await startServer(config, { log })

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
