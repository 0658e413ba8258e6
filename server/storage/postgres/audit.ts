// PostgreSQL implementation of the audit trail.
import type pg from 'pg'
import type { AuditQuery, AuditStore } from '../../history/audit-store.js'
import { AUDIT_COLUMNS, auditEntryOf, type AuditRow } from '../audit-rows.js'
import { inTransaction } from './pool.js'

export function pgAuditStore(pool: pg.Pool): AuditStore {
  return {
    async append(entries) {
      if (entries.length === 0) return
      // One multi-row insert per batch of 1,000 (65,535 parameters at most), all in one transaction.
      await inTransaction(pool, async (c) => {
        for (let i = 0; i < entries.length; i += 1000) {
          const batch = entries.slice(i, i + 1000)
          const values: unknown[] = []
          const rows = batch.map((e, j) => {
            values.push(e.boardId, e.cardId, e.field, JSON.stringify(e.before ?? null))
            values.push(JSON.stringify(e.after ?? null), e.actor, e.at)
            return `(${Array.from({ length: 7 }, (_, k) => `$${j * 7 + k + 1}`).join(', ')})`
          })
          await c.query(
            `INSERT INTO board_audit (board_id, card_id, field, before_json, after_json, actor, at)
             VALUES ${rows.join(', ')}`,
            values,
          )
        }
      })
    },
    async query(boardId, query: AuditQuery) {
      const values: unknown[] = [boardId]
      const where = ['board_id = $1']
      const add = (sql: string, value: unknown) => {
        values.push(value)
        where.push(`${sql} $${values.length}`)
      }
      if (query.cardId !== undefined) add('card_id =', query.cardId)
      if (query.actor !== undefined) add('actor =', query.actor)
      if (query.since !== undefined) add('at >=', query.since)
      values.push(Math.min(query.limit ?? 200, 1000))
      const result = await pool.query<AuditRow>(
        `SELECT ${AUDIT_COLUMNS} FROM board_audit
         WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${values.length}`,
        values,
      )
      return result.rows.map(auditEntryOf)
    },
  }
}
