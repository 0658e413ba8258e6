// The writes of the board log and audit trail as plain data plus the SQL that performs them, so
// the same statements run inline (CLIs, in-memory tests) or batched on the writer thread.
import type Database from 'better-sqlite3'
import type { AuditEntry } from '../history/audit-store.js'
import { AUDIT_SCHEMA, BOARD_SCHEMA } from './sqlite-board-schema.js'

/** An audit entry as stored: values already JSON, so it crosses to a thread as plain strings. */
export interface AuditRow {
  readonly boardId: string
  readonly cardId: string
  readonly field: string
  readonly before: string
  readonly after: string
  readonly actor: string
  readonly at: string
}

export type WriteOp =
  | { readonly kind: 'append'; readonly boardId: string; readonly update: Uint8Array }
  | {
      readonly kind: 'compact'
      readonly boardId: string
      readonly state: Uint8Array
      readonly throughSeq: number
    }
  | { readonly kind: 'audit'; readonly rows: readonly AuditRow[] }

/** Where the SQLite stores' writes go (see sqlite-writer.ts for the two kinds). */
export interface SqliteWriter {
  /** Resolves once the write is committed (an append with its sequence number, others with 0). */
  write(op: WriteOp): Promise<number>
  /** Resolves once every write asked for before is settled; later writes reject. */
  close(): Promise<void>
}

export const auditRow = (e: AuditEntry): AuditRow => ({
  boardId: e.boardId,
  cardId: e.cardId,
  field: e.field,
  before: JSON.stringify(e.before ?? null),
  after: JSON.stringify(e.after ?? null),
  actor: e.actor,
  at: e.at,
})

/**
 * Prepares the statements on `db` (creating the tables) and returns a function that performs one
 * write and gives an append's sequence number (0 for other writes). It opens no transaction: the
 * caller decides how many writes share one commit.
 */
export function prepareWrites(db: Database.Database): (op: WriteOp) => number {
  db.exec(BOARD_SCHEMA)
  db.exec(AUDIT_SCHEMA)
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
  const insertAudit = db.prepare<[AuditRow]>(
    `INSERT INTO board_audit (board_id, card_id, field, before_json, after_json, actor, at)
     VALUES (@boardId, @cardId, @field, @before, @after, @actor, @at)`,
  )
  return (op) => {
    const now = new Date().toISOString()
    switch (op.kind) {
      case 'append':
        return Number(insertUpdate.run(op.boardId, op.update, now).lastInsertRowid)
      case 'compact':
        upsertState.run(op.boardId, op.state, op.throughSeq, now)
        deleteUpdates.run(op.boardId, op.throughSeq)
        return 0
      case 'audit':
        for (const row of op.rows) insertAudit.run(row)
        return 0
    }
  }
}
