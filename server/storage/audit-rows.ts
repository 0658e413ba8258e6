// How an audit entry is kept in a table, shared by the SQLite and PostgreSQL stores: the values
// before and after as JSON text, read back as they were written.
import type { AuditEntry } from '../history/audit-store.js'

/** The columns both stores select for an entry. */
export const AUDIT_COLUMNS = 'board_id, card_id, field, before_json, after_json, actor, at'

export interface AuditRow {
  board_id: string
  card_id: string
  field: string
  before_json: string
  after_json: string
  actor: string
  at: string
}

export function auditEntryOf(row: AuditRow): AuditEntry {
  return {
    boardId: row.board_id,
    cardId: row.card_id,
    field: row.field,
    before: JSON.parse(row.before_json) as unknown,
    after: JSON.parse(row.after_json) as unknown,
    actor: row.actor,
    at: row.at,
  }
}
