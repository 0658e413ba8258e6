// The PostgreSQL access store passes the access store contract (each test on a fresh schema).
import { afterAll, describe } from 'vitest'
import { pgStorages, postgresAvailable } from '../support/postgres.js'
import { accessContract } from './store-contract.js'

const up = await postgresAvailable()
const pg = pgStorages()
afterAll(() => pg.dropAll())

describe.skipIf(!up)('PostgreSQL', () => accessContract('PostgreSQL', pg.open))
