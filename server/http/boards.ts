// Board routes: the list of sector boards the caller may see, and a board's JSON snapshot.
import { Hono } from 'hono'
import { SECTORS } from '../../shared/sectors.js'
import { toSnapshot } from '../../shared/snapshot.js'
import type { Rooms } from '../room/rooms.js'
import { requireCaller, requireRole, type BoardAccessEnv } from './access.js'
import { requireBoard } from './require-board.js'

export function boardRoutes(rooms: Rooms): Hono<BoardAccessEnv> {
  const app = new Hono<BoardAccessEnv>()

  app.get('/', requireCaller, (c) => {
    const access = c.get('access')
    const boards = []
    for (const s of SECTORS) {
      const role = access.roleFor(s.id)
      if (!role) continue
      boards.push({
        id: s.id,
        name: s.name,
        role,
        websocket: `/ws/${s.id}`,
        snapshot: `/api/boards/${s.id}/snapshot`,
      })
    }
    return c.json({ boards })
  })

  app.get('/:boardId/snapshot', requireBoard, requireRole('viewer'), async (c) => {
    const boardId = c.get('boardId')
    // Flushed first: the export holds nothing that is not yet stored.
    const snapshot = await rooms.use(boardId, async (room) => {
      await room.flush()
      return toSnapshot(room.doc)
    })
    c.header('Content-Disposition', `inline; filename="${boardId}-snapshot.json"`)
    return c.json(snapshot)
  })

  return app
}
