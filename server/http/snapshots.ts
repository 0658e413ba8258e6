// Named snapshot routes under /api/boards/<boardId>/snapshots: list and read (viewers), take and
// restore (editors), and what changed since a snapshot (`/diff?to=now|<snapshotId>`).
import { Hono } from 'hono'
import { z } from 'zod'
import type { SnapshotService } from '../history/snapshots.js'
import { actorName, requireRole, type BoardAccessEnv } from './access.js'
import { errorResponse } from './errors.js'
import { requireBoard } from './require-board.js'

const NewSnapshot = z.object({ name: z.string().trim().min(1).max(200) })

export function snapshotRoutes(snapshots: SnapshotService): Hono<BoardAccessEnv> {
  const app = new Hono<BoardAccessEnv>()
  app.use('/:boardId/snapshots/*', requireBoard)
  app.use('/:boardId/snapshots', requireBoard)

  app.get('/:boardId/snapshots', requireRole('viewer'), async (c) =>
    c.json({ snapshots: await snapshots.list(c.get('boardId')) }),
  )

  app.post('/:boardId/snapshots', requireRole('editor'), async (c) => {
    const body = NewSnapshot.safeParse(await c.req.json().catch(() => undefined))
    if (!body.success)
      return errorResponse(c, 400, 'invalid-input', 'a snapshot needs a name', '$.name')
    const info = await snapshots.take(c.get('boardId'), body.data.name, actorName(c.get('access')))
    return c.json(info, 201)
  })

  app.get('/:boardId/snapshots/:snapshotId', requireRole('viewer'), async (c) => {
    const { snapshot } = await snapshots.read(c.get('boardId'), c.req.param('snapshotId'))
    return c.json(snapshot)
  })

  app.get('/:boardId/snapshots/:snapshotId/diff', requireRole('viewer'), async (c) =>
    c.json(
      await snapshots.diff(c.get('boardId'), c.req.param('snapshotId'), c.req.query('to') ?? 'now'),
    ),
  )

  app.post('/:boardId/snapshots/:snapshotId/restore', requireRole('editor'), async (c) => {
    const saved = await snapshots.restore(
      c.get('boardId'),
      c.req.param('snapshotId'),
      actorName(c.get('access')),
    )
    return c.json({ restored: c.req.param('snapshotId'), savedBefore: saved })
  })
  return app
}
