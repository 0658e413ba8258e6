// SQLite implementation of BoardStore (better-sqlite3, WAL). Every append is committed before the
// promise resolves, so an update the room then broadcasts survives a kill -9 of the process.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BoardStore, StoredBoard } from './store.js'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS board_state (
    board_id TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    through_seq INTEGER NOT NULL,
    compacted_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS board_update (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL,
    payload BLOB NOT NULL,
    stored_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS board_update_by_board ON board_update (board_id, seq);
`

export interface SqliteStoreOptions {
  /** FULL syncs the WAL on every commit (survives power loss); NORMAL survives process crashes. */
  readonly synchronous?: 'FULL' | 'NORMAL'
}

/** Opens (creating its folder) the database file shared by the board and access stores. */
export function openSqliteDatabase(
  file: string,
  options: SqliteStoreOptions = {},
): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`)
  db.pragma('busy_timeout = 5000')
  return db
}

/** A board store on its own database connection, closed with the store. */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): BoardStore {
  return sqliteBoardStore(openSqliteDatabase(file, options), { ownsDb: true })
}

/** A board store on an open database; it closes the database only when it owns it. */
export function sqliteBoardStore(
  db: Database.Database,
  { ownsDb }: { readonly ownsDb: boolean },
): BoardStore {
  db.exec(SCHEMA)

  const selectState = db.prepare<[string], { state: Buffer; through_seq: number }>(
    'SELECT state, through_seq FROM board_state WHERE board_id = ?',
  )
  const selectUpdates = db.prepare<[string, number], { seq: number; payload: Buffer }>(
    'SELECT seq, payload FROM board_update WHERE board_id = ? AND seq > ? ORDER BY seq',
  )
  const insertUpdate = db.prepare<[string, Uint8Array, string]>(
    'INSERT INTO board_update (board_id, payload, stored_at) VALUES (?, ?, ?)',
  )
  const upsertState = db.prepare<[string, Uint8Array, number, string]>(
    `INSERT INTO board_state (board_id, state, through_seq, compacted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET state = excluded.state,
       through_seq = excluded.through_seq, compacted_at = excluded.compacted_at
     WHERE excluded.through_seq >= board_state.through_seq`,
  )
  const deleteUpdates = db.prepare<[string, number]>(
    'DELETE FROM board_update WHERE board_id = ? AND seq <= ?',
  )
  const compactTx = db.transaction((boardId: string, state: Uint8Array, throughSeq: number) => {
    upsertState.run(boardId, state, throughSeq, new Date().toISOString())
    deleteUpdates.run(boardId, throughSeq)
  })

  return {
    async load(boardId): Promise<StoredBoard> {
      const row = selectState.get(boardId)
      const throughSeq = row?.through_seq ?? 0
      const rows = selectUpdates.all(boardId, throughSeq)
      return {
        state: row ? new Uint8Array(row.state) : null,
        updates: rows.map((r) => new Uint8Array(r.payload)),
        throughSeq,
        lastSeq: rows.at(-1)?.seq ?? throughSeq,
      }
    },
    async since(boardId, afterSeq): Promise<StoredBoard> {
      const row = selectState.get(boardId)
      const throughSeq = row?.through_seq ?? 0
      const needsState = row !== undefined && throughSeq > afterSeq
      const rows = selectUpdates.all(boardId, Math.max(afterSeq, throughSeq))
      return {
        state: needsState ? new Uint8Array(row.state) : null,
        updates: rows.map((r) => new Uint8Array(r.payload)),
        throughSeq,
        lastSeq: rows.at(-1)?.seq ?? Math.max(afterSeq, throughSeq),
      }
    },
    async append(boardId, update) {
      const result = insertUpdate.run(boardId, update, new Date().toISOString())
      return Number(result.lastInsertRowid)
    },
    async compact(boardId, state, throughSeq) {
      compactTx(boardId, state, throughSeq)
    },
    async close() {
      if (ownsDb) db.close()
    },
  }
}
