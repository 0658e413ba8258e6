// SQLite implementation of the audit trail, in the same database file as the boards. Appends go
// through the boards' writer, so they share its commits and keep their order with the updates.
import type Database from 'better-sqlite3'
import type { AuditQuery, AuditStore } from '../history/audit-store.js'
import { AUDIT_COLUMNS, auditEntryOf, type AuditRow } from './audit-rows.js'
import { AUDIT_SCHEMA } from './sqlite-board-schema.js'
import { inlineWriter, type SqliteWriter } from './sqlite-writer.js'
import { auditRow } from './sqlite-writes.js'

export function sqliteAuditStore(
  db: Database.Database,
  writer: SqliteWriter = inlineWriter(db),
): AuditStore {
  db.exec(AUDIT_SCHEMA)
  return {
    async append(entries) {
      if (entries.length > 0) await writer.write({ kind: 'audit', rows: entries.map(auditRow) })
    },
    async query(boardId, query: AuditQuery) {
      const where = ['board_id = @boardId']
      if (query.cardId !== undefined) where.push('card_id = @cardId')
      if (query.actor !== undefined) where.push('actor = @actor')
      if (query.since !== undefined) where.push('at >= @since')
      const rows = db
        .prepare<Record<string, unknown>, AuditRow>(
          `SELECT ${AUDIT_COLUMNS} FROM board_audit
           WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`,
        )
        .all({ boardId, ...query, limit: Math.min(query.limit ?? 200, 1000) })
      return rows.map(auditEntryOf)
    },
  }
}
