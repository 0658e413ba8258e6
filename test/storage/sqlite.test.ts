import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSqliteStore } from '../../server/storage/sqlite.js'
import { openSqliteStorage } from '../support/open-storage.js'
import { auditContract } from './audit-contract.js'
import { storeContract } from './contract.js'
import { snapshotContract } from './snapshot-contract.js'

storeContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sector-board-store-'))
  const file = path.join(dir, 'nested', 'board.sqlite')
  return {
    store: createSqliteStore(file),
    reopen: async () => createSqliteStore(file),
  }
})
snapshotContract('SQLite', openSqliteStorage)
auditContract('SQLite', openSqliteStorage)
