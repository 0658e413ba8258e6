// PostgreSQL storage: one pool for all four stores, the schema migrated before first use.
import type { Storage } from '../storage.js'
import { pgAccessStore } from './access.js'
import { pgAuditStore } from './audit.js'
import { pgBoardStore } from './boards.js'
import { migrate } from './migrations.js'
import { createPgPool, type PgOptions } from './pool.js'
import { pgSnapshotStore } from './snapshots.js'

export async function createPgStorage(options: PgOptions): Promise<Storage> {
  const pool = createPgPool(options)
  try {
    await migrate(pool, options.schema)
  } catch (error) {
    await pool.end()
    throw error
  }
  return {
    boards: pgBoardStore(pool),
    access: pgAccessStore(pool),
    snapshots: pgSnapshotStore(pool),
    audit: pgAuditStore(pool),
    async ping() {
      await pool.query('SELECT 1')
    },
    close: () => pool.end(),
  }
}
