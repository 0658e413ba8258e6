// Picks the storage implementation from the configuration: boards and access share one database.
import type { AccessStore } from '../access/store.js'
import type { Config } from '../config.js'
import { sqliteAccessStore } from './sqlite-access.js'
import { openSqliteDatabase, sqliteBoardStore } from './sqlite.js'
import type { AuditStore } from '../history/audit-store.js'
import type { SnapshotStore } from './snapshot-store.js'
import { sqliteAuditStore } from './sqlite-audit.js'
import { sqliteSnapshotStore } from './sqlite-snapshots.js'
import type { BoardStore } from './store.js'

export interface Storage {
  readonly boards: BoardStore
  readonly access: AccessStore
  readonly snapshots: SnapshotStore
  readonly audit: AuditStore
  /** Resolves when the database answers a trivial query; rejects otherwise (readiness probes). */
  ping(): Promise<void>
  /** Closes both stores and the database. */
  close(): Promise<void>
}

export async function createStorage(config: Config): Promise<Storage> {
  if (config.databaseUrl)
    throw new Error('DATABASE_URL is set, but PostgreSQL storage is not available in this version')
  const db = openSqliteDatabase(config.sqliteFile, { synchronous: config.sqliteSynchronous })
  const boards = sqliteBoardStore(db, { ownsDb: false })
  const access = sqliteAccessStore(db, { ownsDb: false })
  return {
    boards,
    access,
    snapshots: sqliteSnapshotStore(db),
    audit: sqliteAuditStore(db),
    async ping() {
      db.prepare('SELECT 1').get()
    },
    async close() {
      await boards.close()
      await access.close()
      db.close()
    },
  }
}
