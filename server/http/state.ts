// GET /api/boards/<id>/state: the board's whole Y.Doc as one binary Yjs update, for a page to
// draw the board while its socket connects (the socket then syncs only the difference). Readable
// by viewers; an ETag (a hash of the bytes) lets an unchanged board answer 304.
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { Rooms } from '../room/rooms.js'
import { requireRole, type BoardAccessEnv } from './access.js'
import { requireBoard } from './require-board.js'

/** A room keeps its encoded state until the board changes, so each encoding is hashed once. */
const etags = new WeakMap<Uint8Array, string>()

function etagOf(state: Uint8Array): string {
  let etag = etags.get(state)
  if (!etag) {
    etag = `"${createHash('sha256').update(state).digest('base64url').slice(0, 32)}"`
    etags.set(state, etag)
  }
  return etag
}

/** Mounted at /api/boards. */
export function stateRoutes(rooms: Rooms): Hono<BoardAccessEnv> {
  const app = new Hono<BoardAccessEnv>()
  app.get('/:boardId/state', requireBoard, requireRole('viewer'), async (c) => {
    const state = await rooms.use(c.get('boardId'), (room) => room.state())
    const etag = etagOf(state)
    // Private, and asked again every time: access can be revoked and the board changes.
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Cookie' }
    const known = c.req.header('if-none-match')
    if (known?.split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304, headers)
    // Yjs encodes into plain ArrayBuffers, never shared ones.
    const body = state as Uint8Array<ArrayBuffer>
    return c.body(body, 200, { ...headers, 'Content-Type': 'application/octet-stream' })
  })
  return app
}
