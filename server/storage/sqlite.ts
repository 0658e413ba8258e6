// SQLite implementation of BoardStore (better-sqlite3, WAL). Reads run on the caller's
// connection; appends and compactions go to a SqliteWriter, which resolves only once they are
// committed, so an update the room then broadcasts survives a kill -9 of the process.
import type Database from 'better-sqlite3'
import { BOARD_SCHEMA } from './sqlite-board-schema.js'
import { openSqliteDatabase, type SqliteStoreOptions } from './sqlite-database.js'
import { inlineWriter, sqliteWriterFor, type SqliteWriter } from './sqlite-writer.js'
import type { BoardStore, StoredBoard } from './store.js'

export { openSqliteDatabase, type SqliteStoreOptions } from './sqlite-database.js'

/** A board store on its own database connection and writer, both closed with the store. */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): BoardStore {
  const db = openSqliteDatabase(file, options)
  const writer = sqliteWriterFor(db, file, options)
  return sqliteBoardStore(db, { ownsDb: true, writer })
}

/**
 * A board store on an open database, writing through `writer` (inline on `db` by default). It
 * closes the database and writer only when it owns them; then close waits for pending writes.
 */
export function sqliteBoardStore(
  db: Database.Database,
  {
    ownsDb,
    writer = inlineWriter(db),
  }: { readonly ownsDb: boolean; readonly writer?: SqliteWriter },
): BoardStore {
  db.exec(BOARD_SCHEMA)

  const selectState = db.prepare<[string], { state: Buffer; through_seq: number }>(
    'SELECT state, through_seq FROM board_state WHERE board_id = ?',
  )
  const selectUpdates = db.prepare<[string, number], { seq: number; payload: Buffer }>(
    'SELECT seq, payload FROM board_update WHERE board_id = ? AND seq > ? ORDER BY seq',
  )

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
    append(boardId, update) {
      return writer.write({ kind: 'append', boardId, update })
    },
    async compact(boardId, state, throughSeq) {
      await writer.write({ kind: 'compact', boardId, state, throughSeq })
    },
    async close() {
      if (!ownsDb) return
      await writer.close()
      db.close()
    },
  }
}
