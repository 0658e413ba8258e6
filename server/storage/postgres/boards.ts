// PostgreSQL implementation of BoardStore. Sequence numbers come from the `board` row's
// last_seq, bumped in the same statement as the insert: concurrent appends to one board (from
// any number of instances) wait on that row, so seqs are consecutive and commit in seq order.
import type pg from 'pg'
import type { BoardStore, StoredBoard } from '../store.js'
import { inTransaction } from './pool.js'

// Reads state and log tail from one snapshot of the database, so a compaction committing in
// between can never hide the updates it folded into the state.
const READ_SNAPSHOT = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'

const APPEND = `
  WITH next AS (
    INSERT INTO board (board_id, last_seq) VALUES ($1, 1)
    ON CONFLICT (board_id) DO UPDATE SET last_seq = board.last_seq + 1
    RETURNING last_seq
  )
  INSERT INTO board_update (board_id, seq, payload, stored_at)
  SELECT $1, last_seq, $2, $3 FROM next
  RETURNING seq`

// Keeps the newest compaction: an older one (lower through_seq) arriving later changes nothing.
const UPSERT_STATE = `
  INSERT INTO board_state (board_id, state, through_seq, compacted_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (board_id) DO UPDATE SET state = excluded.state,
    through_seq = excluded.through_seq, compacted_at = excluded.compacted_at
  WHERE excluded.through_seq >= board_state.through_seq`

interface StateRow {
  state: Buffer
  through_seq: number
}
interface UpdateRow {
  seq: number
  payload: Buffer
}

async function readTail(
  client: pg.PoolClient,
  boardId: string,
  afterSeq: number,
): Promise<{ row: StateRow | undefined; updates: UpdateRow[] }> {
  const state = await client.query<StateRow>(
    'SELECT state, through_seq FROM board_state WHERE board_id = $1',
    [boardId],
  )
  const row = state.rows[0]
  const from = Math.max(afterSeq, row?.through_seq ?? 0)
  const updates = await client.query<UpdateRow>(
    'SELECT seq, payload FROM board_update WHERE board_id = $1 AND seq > $2 ORDER BY seq',
    [boardId, from],
  )
  return { row, updates: updates.rows }
}

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

/** A board store on a pool it does not own (Storage closes the pool). */
export function pgBoardStore(pool: pg.Pool): BoardStore {
  const read = async (boardId: string, afterSeq: number, withState: boolean) => {
    const { row, updates } = await inTransaction(
      pool,
      (c) => readTail(c, boardId, afterSeq),
      READ_SNAPSHOT,
    )
    const throughSeq = row?.through_seq ?? 0
    const stored: StoredBoard = {
      state: row && (withState || throughSeq > afterSeq) ? bytes(row.state) : null,
      updates: updates.map((u) => bytes(u.payload)),
      throughSeq,
      lastSeq: updates.at(-1)?.seq ?? Math.max(afterSeq, throughSeq),
    }
    return stored
  }
  return {
    load: (boardId) => read(boardId, 0, true),
    since: (boardId, afterSeq) => read(boardId, afterSeq, false),
    async append(boardId, update) {
      const result = await pool.query<{ seq: number }>(APPEND, [
        boardId,
        update,
        new Date().toISOString(),
      ])
      return (result.rows[0] as { seq: number }).seq
    },
    async compact(boardId, state, throughSeq) {
      await inTransaction(pool, async (c) => {
        await c.query(UPSERT_STATE, [boardId, state, throughSeq, new Date().toISOString()])
        await c.query('DELETE FROM board_update WHERE board_id = $1 AND seq <= $2', [
          boardId,
          throughSeq,
        ])
      })
    },
    async close() {},
  }
}
