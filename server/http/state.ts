// GET /api/boards/<id>/state: the board's whole Y.Doc as one binary Yjs update, for a page to
// draw the board while its socket connects (the socket then syncs only the difference). Readable
// by viewers; an ETag (a hash of the bytes) lets an unchanged board answer 304, and a gzip copy
// (a Yjs update shrinks several times) is made once per board version for every client.
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { Hono } from 'hono'
import type { Rooms } from '../room/rooms.js'
import { requireRole, type BoardAccessEnv } from './access.js'
import { requireBoard } from './require-board.js'

const gzip = promisify(zlib.gzip)

/** A room keeps its encoded state until the board changes: one hash and one gzip per version. */
const etags = new WeakMap<Uint8Array, string>()
const gzipped = new WeakMap<Uint8Array, Promise<Uint8Array>>()

function etagOf(state: Uint8Array): string {
  let etag = etags.get(state)
  if (!etag) {
    etag = createHash('sha256').update(state).digest('base64url').slice(0, 32)
    etags.set(state, etag)
  }
  return etag
}

function gzipOf(state: Uint8Array): Promise<Uint8Array> {
  let zipped = gzipped.get(state)
  if (!zipped) {
    // Level 1: a few ms for a 3 MB board, and most of what level 9 would save.
    zipped = gzip(state, { level: 1 })
    gzipped.set(state, zipped)
  }
  return zipped
}

/** Mounted at /api/boards. */
export function stateRoutes(rooms: Rooms): Hono<BoardAccessEnv> {
  const app = new Hono<BoardAccessEnv>()
  app.get('/:boardId/state', requireBoard, requireRole('viewer'), async (c) => {
    const state = await rooms.use(c.get('boardId'), (room) => room.state())
    const zip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
    // Each encoding is its own representation, with its own tag.
    const etag = `"${etagOf(state)}${zip ? '-gz' : ''}"`
    // Private, and asked again every time: access can be revoked and the board changes.
    const headers = {
      ETag: etag,
      'Cache-Control': 'private, no-cache',
      Vary: 'Cookie, Accept-Encoding',
    }
    const known = c.req.header('if-none-match')
    if (known?.split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304, headers)
    // Yjs and zlib encode into plain ArrayBuffers, never shared ones.
    const body = (zip ? await gzipOf(state) : state) as Uint8Array<ArrayBuffer>
    return c.body(body, 200, {
      ...headers,
      'Content-Type': 'application/octet-stream',
      ...(zip ? { 'Content-Encoding': 'gzip' } : {}),
    })
  })
  return app
}
