// The SQLite access store passes the access store contract.
import { openSqliteStorage } from '../support/open-storage.js'
import { accessContract } from './store-contract.js'

accessContract('SQLite', openSqliteStorage)
