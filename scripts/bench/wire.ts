// How the load generator speaks to each server: the URL of a board and the framing around
// y-protocols messages. Ours and the reference speak plain y-websocket; Hocuspocus prefixes every
// message with the document name (varString) and wants an auth message before anything else.
import * as encoding from 'lib0/encoding'
import type WebSocket from 'ws'

export type ServerKind = 'ours' | 'reference' | 'hocuspocus'
export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'reference', 'hocuspocus']

export const MSG_SYNC = 0
export const MSG_AWARENESS = 1
export const STEP1 = 0
export const STEP2 = 1
export const UPDATE = 2

export interface Dialect {
  readonly kind: ServerKind
  url(port: number, board: string): string
  /** Wraps one y-protocols message (type byte first) for board `board`. */
  frame(board: string, message: Uint8Array): Uint8Array
  /** Where the y-protocols message starts in a received frame. */
  bodyOffset(frame: Uint8Array): number
  /** Frames to send right after the socket opens, before sync step 1. */
  hello(board: string): Uint8Array[]
}

const plain = (kind: ServerKind, path: (board: string) => string): Dialect => ({
  kind,
  url: (port, board) => `ws://127.0.0.1:${port}${path(board)}`,
  frame: (_board, message) => message,
  bodyOffset: () => 0,
  hello: () => [],
})

function prefixed(board: string, message: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, board)
  encoding.writeUint8Array(encoder, message)
  return encoding.toUint8Array(encoder)
}

const hocuspocus: Dialect = {
  kind: 'hocuspocus',
  url: (port) => `ws://127.0.0.1:${port}/`,
  frame: prefixed,
  bodyOffset(frame) {
    // varUint length of the name, then the name; board ids are shorter than 128 bytes.
    return frame.length === 1 ? 1 : 1 + (frame[0] as number)
  },
  hello(board) {
    // Auth (2), token sub-type (0), token, provider version: what HocuspocusProvider sends first.
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarString(encoder, 'bench')
    encoding.writeVarString(encoder, '4.7.0')
    return [prefixed(board, encoding.toUint8Array(encoder))]
  },
}

export const DIALECTS: Readonly<Record<ServerKind, Dialect>> = {
  ours: plain('ours', (board) => `/ws/${board}`),
  reference: plain('reference', (board) => `/${board}`),
  hocuspocus,
}

export function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MSG_SYNC)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** State vector of an empty document, and the (empty) update it would send as step 2. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0])
export const EMPTY_UPDATE = new Uint8Array([0, 0])

/**
 * A client's "synced" promise: `resolve` settles it once the first sync step 2 arrives; it is
 * rejected if the socket fails or closes before that.
 */
export function syncedSignal(ws: WebSocket): { synced: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const synced = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  synced.catch(() => undefined)
  ws.on('error', (error) => reject(error))
  ws.on('close', (code) => reject(new Error(`closed ${code} before sync`)))
  return { synced, resolve }
}
