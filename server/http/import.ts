// Import route: POST /api/boards/<boardId>/import (editors) with a snapshot file as the JSON body
// (or an all-boards export holding this board). Bodies over the limit are refused with 413 before
// anything is parsed: from Content-Length when given, else while the body streams in.
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { SnapshotService } from '../history/snapshots.js'
import { actorName, requireRole, type BoardAccessEnv } from './access.js'
import { errorResponse } from './errors.js'
import { requireBoard } from './require-board.js'

export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024

class TooLarge extends Error {}

/** The whole body in one buffer of its own (so it can be handed to a worker), at most `max` bytes. */
async function readBody(c: Context, max: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN)
  if (declared > max) throw new TooLarge()
  const stream = c.req.raw.body
  if (!stream) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => undefined)
      throw new TooLarge()
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

export function importRoutes(
  snapshots: SnapshotService,
  { maxBytes = DEFAULT_MAX_IMPORT_BYTES }: { readonly maxBytes?: number } = {},
): Hono<BoardAccessEnv> {
  const app = new Hono<BoardAccessEnv>()
  app.post('/:boardId/import', requireBoard, requireRole('editor'), async (c) => {
    // JSON only: it also keeps plain cross-site form posts out.
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? ''))
      return errorResponse(
        c,
        415,
        'unsupported-media-type',
        'send the snapshot file as the body with Content-Type: application/json',
      )
    let body: Uint8Array
    try {
      body = await readBody(c, maxBytes)
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error
      return errorResponse(
        c,
        413,
        'too-large',
        `the file is larger than the import limit of ${maxBytes} bytes (MAX_IMPORT_BYTES)`,
      )
    }
    return c.json(await snapshots.importFile(c.get('boardId'), body, actorName(c.get('access'))))
  })
  return app
}
