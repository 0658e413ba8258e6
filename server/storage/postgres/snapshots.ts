// PostgreSQL implementation of SnapshotStore; the body is kept as the snapshot's JSON text.
import type pg from 'pg'
import type { Snapshot } from '../../../shared/snapshot.js'
import type { SnapshotInfo, SnapshotStore } from '../snapshot-store.js'

interface Row {
  id: string
  board_id: string
  name: string
  taken_at: string
  taken_by: string
  automatic: boolean
}

const COLS = 'id, board_id, name, taken_at, taken_by, automatic'

const toInfo = (row: Row): SnapshotInfo => ({
  id: row.id,
  boardId: row.board_id,
  name: row.name,
  takenAt: row.taken_at,
  takenBy: row.taken_by,
  automatic: row.automatic,
})

export function pgSnapshotStore(pool: pg.Pool): SnapshotStore {
  return {
    async save(info, snapshot) {
      await pool.query(
        `INSERT INTO board_snapshot (${COLS}, body) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          info.id,
          info.boardId,
          info.name,
          info.takenAt,
          info.takenBy,
          info.automatic,
          JSON.stringify(snapshot),
        ],
      )
    },
    async list(boardId) {
      // ord breaks ties between snapshots taken in the same millisecond: newest saved first.
      const result = await pool.query<Row>(
        `SELECT ${COLS} FROM board_snapshot WHERE board_id = $1 ORDER BY taken_at DESC, ord DESC`,
        [boardId],
      )
      return result.rows.map(toInfo)
    },
    async get(boardId, id) {
      const result = await pool.query<Row & { body: string }>(
        `SELECT ${COLS}, body FROM board_snapshot WHERE board_id = $1 AND id = $2`,
        [boardId, id],
      )
      const row = result.rows[0]
      return row ? { info: toInfo(row), snapshot: JSON.parse(row.body) as Snapshot } : null
    },
  }
}
