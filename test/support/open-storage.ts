// Fresh, empty storages for the store contracts: a SQLite file in a temp folder, or (see
// postgres.ts) a new PostgreSQL schema. `reopen` opens the same database again after a close.
import path from 'node:path'
import { createSqliteStorage } from '../../server/storage/create.js'
import type { Storage } from '../../server/storage/storage.js'
import { tempDataDir } from './server.js'

export type OpenStorage = () => Promise<{ storage: Storage; reopen: () => Promise<Storage> }>

export const openSqliteStorage: OpenStorage = async () => {
  const file = path.join(tempDataDir(), 'sector-board.sqlite')
  return { storage: createSqliteStorage(file), reopen: async () => createSqliteStorage(file) }
}
