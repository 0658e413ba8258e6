// SQLite implementation of the audit trail, in the same database file as the boards.
import type Database from 'better-sqlite3'
import type { AuditEntry, AuditQuery, AuditStore } from '../history/audit-store.js'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS board_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    field TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS board_audit_by_card ON board_audit (board_id, card_id, id);
  CREATE INDEX IF NOT EXISTS board_audit_by_board ON board_audit (board_id, id);
`

interface Row {
  board_id: string
  card_id: string
  field: string
  before_json: string
  after_json: string
  actor: string
  at: string
}

export function sqliteAuditStore(db: Database.Database): AuditStore {
  db.exec(SCHEMA)
  const insert = db.prepare(
    `INSERT INTO board_audit (board_id, card_id, field, before_json, after_json, actor, at)
     VALUES (@boardId, @cardId, @field, @before, @after, @actor, @at)`,
  )
  const insertAll = db.transaction((entries: readonly AuditEntry[]) => {
    for (const e of entries)
      insert.run({
        ...e,
        before: JSON.stringify(e.before ?? null),
        after: JSON.stringify(e.after ?? null),
      })
  })
  return {
    async append(entries) {
      insertAll(entries)
    },
    async query(boardId, query: AuditQuery) {
      const where = ['board_id = @boardId']
      if (query.cardId !== undefined) where.push('card_id = @cardId')
      if (query.actor !== undefined) where.push('actor = @actor')
      if (query.since !== undefined) where.push('at >= @since')
      const rows = db
        .prepare<Record<string, unknown>, Row>(
          `SELECT board_id, card_id, field, before_json, after_json, actor, at FROM board_audit
           WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`,
        )
        .all({ boardId, ...query, limit: Math.min(query.limit ?? 200, 1000) })
      return rows.map((r) => ({
        boardId: r.board_id,
        cardId: r.card_id,
        field: r.field,
        before: JSON.parse(r.before_json) as unknown,
        after: JSON.parse(r.after_json) as unknown,
        actor: r.actor,
        at: r.at,
      }))
    },
  }
}
