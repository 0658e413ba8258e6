// SQLite implementation of SnapshotStore, in the same database file as the boards.
import type Database from 'better-sqlite3'
import type { Snapshot } from '../../shared/snapshot.js'
import type { SnapshotInfo, SnapshotStore } from './snapshot-store.js'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS board_snapshot (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL,
    name TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    taken_by TEXT NOT NULL,
    automatic INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS board_snapshot_by_board ON board_snapshot (board_id, taken_at);
`

interface Row {
  id: string
  board_id: string
  name: string
  taken_at: string
  taken_by: string
  automatic: number
}

const toInfo = (row: Row): SnapshotInfo => ({
  id: row.id,
  boardId: row.board_id,
  name: row.name,
  takenAt: row.taken_at,
  takenBy: row.taken_by,
  automatic: row.automatic === 1,
})

export function sqliteSnapshotStore(db: Database.Database): SnapshotStore {
  db.exec(SCHEMA)
  const insert = db.prepare(
    `INSERT INTO board_snapshot (id, board_id, name, taken_at, taken_by, automatic, body)
     VALUES (@id, @boardId, @name, @takenAt, @takenBy, @automatic, @body)`,
  )
  const list = db.prepare<[string], Row>(
    `SELECT id, board_id, name, taken_at, taken_by, automatic FROM board_snapshot
     WHERE board_id = ? ORDER BY taken_at DESC, rowid DESC`,
  )
  const get = db.prepare<[string, string], Row & { body: string }>(
    'SELECT * FROM board_snapshot WHERE board_id = ? AND id = ?',
  )
  return {
    async save(info, snapshot) {
      insert.run({ ...info, automatic: info.automatic ? 1 : 0, body: JSON.stringify(snapshot) })
    },
    async list(boardId) {
      return list.all(boardId).map(toInfo)
    },
    async get(boardId, id) {
      const row = get.get(boardId, id)
      return row ? { info: toInfo(row), snapshot: JSON.parse(row.body) as Snapshot } : null
    },
  }
}
