// Picks the storage implementation from the configuration.
import type { Config } from '../config.js'
import { createSqliteStore } from './sqlite.js'
import type { BoardStore } from './store.js'

export function createStore(config: Config): BoardStore {
  if (config.databaseUrl)
    throw new Error('DATABASE_URL is set, but PostgreSQL storage is not available in this version')
  return createSqliteStore(config.sqliteFile, { synchronous: config.sqliteSynchronous })
}
