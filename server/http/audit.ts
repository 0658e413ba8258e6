// The audit trail over HTTP: GET /api/boards/<boardId>/audit, newest first, filtered by
// `card`, `actor` and `since` (ISO time), at most `limit` entries (default 200, at most 1000).
import { Hono } from 'hono'
import { z } from 'zod'
import type { AuditStore } from '../history/audit-store.js'
import { requireRole, type BoardAccessEnv } from './access.js'
import { errorResponse } from './errors.js'
import { requireBoard } from './require-board.js'

const Query = z.object({
  card: z.string().max(64).optional(),
  actor: z.string().max(100).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})

export function auditRoutes(audit: AuditStore): Hono<BoardAccessEnv> {
  const app = new Hono<BoardAccessEnv>()
  app.get('/:boardId/audit', requireBoard, requireRole('viewer'), async (c) => {
    const query = Query.safeParse(c.req.query())
    if (!query.success) {
      const issue = query.error.issues[0]
      return errorResponse(
        c,
        400,
        'invalid-input',
        issue?.message ?? 'bad query',
        `$.${issue?.path.join('.')}`,
      )
    }
    const { card, actor, since, limit } = query.data
    const entries = await audit.query(c.get('boardId'), { cardId: card, actor, since, limit })
    return c.json({ entries })
  })
  return app
}
