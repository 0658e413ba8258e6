// Board routes: the list of sector boards and a board's JSON snapshot.
import { Hono } from 'hono'
import { SECTORS } from '../../shared/sectors.js'
import { toSnapshot } from '../../shared/snapshot.js'
import type { Rooms } from '../room/rooms.js'
import { requireBoard, type BoardEnv } from './require-board.js'

export function boardRoutes(rooms: Rooms): Hono<BoardEnv> {
  const app = new Hono<BoardEnv>()

  app.get('/', (c) =>
    c.json({
      boards: SECTORS.map((s) => ({
        id: s.id,
        name: s.name,
        websocket: `/ws/${s.id}`,
        snapshot: `/api/boards/${s.id}/snapshot`,
      })),
    }),
  )

  app.get('/:boardId/snapshot', requireBoard, async (c) => {
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
