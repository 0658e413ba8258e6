// Picks the storage implementation from the configuration: PostgreSQL when DATABASE_URL is set,
// else the SQLite file under DATA_DIR. Either way all four stores share one database.
import type { Config } from '../config.js'
import { sqliteAccessStore } from './sqlite-access.js'
import { sqliteAuditStore } from './sqlite-audit.js'
import { openSqliteDatabase } from './sqlite-database.js'
import { sqliteSnapshotStore } from './sqlite-snapshots.js'
import { sqliteWriterFor } from './sqlite-writer.js'
import { sqliteBoardStore } from './sqlite.js'
import type { Storage } from './storage.js'

export type { Storage } from './storage.js'

export async function createStorage(config: Config): Promise<Storage> {
  if (config.databaseUrl)
    // Loaded only when configured: the embedded default never pays for the PostgreSQL client.
    return (await import('./postgres/index.js')).createPgStorage({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      max: config.databasePoolSize,
    })
  return createSqliteStorage(config.sqliteFile, config.sqliteSynchronous)
}

/**
 * The SQLite stores on one file: reads (and the rare access and snapshot writes) on this thread's
 * connection; board updates, compactions and the audit trail through one writer, which for a
 * file is a thread that group-commits them.
 */
export function createSqliteStorage(
  file: string,
  synchronous: Config['sqliteSynchronous'] = 'FULL',
): Storage {
  const db = openSqliteDatabase(file, { synchronous })
  const writer = sqliteWriterFor(db, file, { synchronous })
  const boards = sqliteBoardStore(db, { ownsDb: false, writer })
  const access = sqliteAccessStore(db, { ownsDb: false })
  return {
    boards,
    access,
    snapshots: sqliteSnapshotStore(db),
    audit: sqliteAuditStore(db, writer),
    async ping() {
      db.prepare('SELECT 1').get()
    },
    async close() {
      // Pending writes first: shutdown stores everything the rooms flushed.
      await writer.close()
      await boards.close()
      await access.close()
      db.close()
    },
  }
}
