// Export routes: a board's cards as CSV, and every board the caller may see as one JSON file.
// Each room is flushed first, so an export holds nothing that is not yet stored.
import { Hono } from 'hono'
import { cardsToCsv } from '../../shared/csv.js'
import { toExportFile } from '../../shared/export-format.js'
import { SECTORS } from '../../shared/sectors.js'
import { toSnapshot, type Snapshot } from '../../shared/snapshot.js'
import type { Rooms } from '../room/rooms.js'
import { requireCaller, requireRole, type BoardAccessEnv } from './access.js'
import { requireBoard } from './require-board.js'

/** Mounted at /api. */
export function exportRoutes(rooms: Rooms): Hono<BoardAccessEnv> {
  const app = new Hono<BoardAccessEnv>()
  const snapshotOf = (boardId: string): Promise<Snapshot> =>
    rooms.use(boardId, async (room) => {
      await room.flush()
      return toSnapshot(room.doc)
    })

  app.get('/boards/:boardId/export.csv', requireBoard, requireRole('viewer'), async (c) => {
    const boardId = c.get('boardId')
    const csv = cardsToCsv(await snapshotOf(boardId))
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${boardId}.csv"`,
      'Cache-Control': 'no-store',
    })
  })

  app.get('/export', requireCaller, async (c) => {
    const access = c.get('access')
    const visible = SECTORS.filter((s) => access.roleFor(s.id) !== null)
    const takenAt = new Date().toISOString()
    const boards = await Promise.all(visible.map((s) => snapshotOf(s.id)))
    c.header(
      'Content-Disposition',
      `attachment; filename="sector-boards-${takenAt.slice(0, 10)}.json"`,
    )
    c.header('Cache-Control', 'no-store')
    return c.json(toExportFile(boards, takenAt))
  })

  return app
}
