// A page's first look at a board, before its socket connects (the socket then syncs only the
// difference). Both are readable by viewers, and both are made once per board version, with an
// ETag (304 when unchanged) and a gzip copy, for every client that asks:
// - GET /api/boards/<id>/state: the whole Y.Doc as one binary Yjs update;
// - GET /api/boards/<id>/view: the same board as a JSON snapshot (version-1 format), which a page
//   draws at once, before it spends longer turning the update into its live document.
import { createHash } from 'node:crypto'
import zlib from 'node:zlib'
import { Hono, type Context } from 'hono'
import type * as Y from 'yjs'
import { followSnapshotJson, type SnapshotJson } from '../../shared/snapshot-json.js'
import type { Rooms } from '../room/rooms.js'
import { requireRole, type BoardAccessEnv } from './access.js'
import { requireBoard } from './require-board.js'

/** One encoding of one board version, with its tag and (made on first request) gzip copy. */
class Representation {
  readonly etag: string
  private zipped: Uint8Array | undefined

  constructor(
    readonly body: Uint8Array,
    readonly contentType: string,
  ) {
    this.etag = createHash('sha256').update(body).digest('base64url').slice(0, 32)
  }

  gzipped(): Uint8Array {
    // Level 1: about 5 ms for a 3 MB board here, and most of what level 9 would save. On the
    // event loop, so the answer goes out at once: zlib's thread pool hands its result back only
    // once the loop is free, which can be after the next read (a whole board's encoding).
    this.zipped ??= zlib.gzipSync(this.body, { level: 1 })
    return this.zipped
  }
}

// A room keeps its encoded state (the same object) and its version token until the board
// changes: keyed by them, each representation lives exactly as long as its version.
const states = new WeakMap<Uint8Array, Representation>()
const views = new WeakMap<object, Representation>()

function stateOf(state: Uint8Array): Representation {
  let rep = states.get(state)
  if (!rep) states.set(state, (rep = new Representation(state, 'application/octet-stream')))
  return rep
}

// Each board's JSON, followed card by card from its first view on, for as long as its doc lives.
const boardJson = new WeakMap<Y.Doc, SnapshotJson>()

/**
 * The view needs no encoded state: a first look drawn from it comes that much sooner. After an
 * edit only the cards it touched are serialised again.
 */
function viewOf(doc: Y.Doc, version: object): Representation {
  let rep = views.get(version)
  if (!rep) {
    let json = boardJson.get(doc)
    if (!json) boardJson.set(doc, (json = followSnapshotJson(doc)))
    const body = json.bytes()
    views.set(version, (rep = new Representation(body, 'application/json; charset=utf-8')))
  }
  return rep
}

function send(c: Context<BoardAccessEnv>, rep: Representation): Response {
  const zip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
  // Each encoding is its own representation, with its own tag.
  const etag = `"${rep.etag}${zip ? '-gz' : ''}"`
  // Private, and asked again every time: access can be revoked and the board changes.
  const headers = {
    ETag: etag,
    'Cache-Control': 'private, no-cache',
    Vary: 'Cookie, Accept-Encoding',
  }
  const known = c.req.header('if-none-match')
  if (known?.split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304, headers)
  // Yjs, Buffer and zlib encode into plain ArrayBuffers, never shared ones.
  const body = (zip ? rep.gzipped() : rep.body) as Uint8Array<ArrayBuffer>
  return c.body(body, 200, {
    ...headers,
    'Content-Type': rep.contentType,
    ...(zip ? { 'Content-Encoding': 'gzip' } : {}),
  })
}

/** Mounted at /api/boards. */
export function stateRoutes(rooms: Rooms): Hono<BoardAccessEnv> {
  const app = new Hono<BoardAccessEnv>()
  app.get('/:boardId/state', requireBoard, requireRole('viewer'), async (c) => {
    const state = await rooms.use(c.get('boardId'), (room) => room.state())
    return send(c, stateOf(state))
  })
  app.get('/:boardId/view', requireBoard, requireRole('viewer'), async (c) => {
    const view = await rooms.use(c.get('boardId'), (room) => room.readStored(viewOf))
    return send(c, view)
  })
  return app
}
