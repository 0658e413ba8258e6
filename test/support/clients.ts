// Standard y-websocket clients (the `y-websocket` provider over `ws`) for integration tests.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface BoardClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  close(): void
}

export interface ConnectOptions {
  /** The document to sync (a fresh one by default): pass a client's to move it elsewhere. */
  readonly doc?: Y.Doc
  /** The WebSocket class, e.g. one that presents credentials. */
  readonly socket?: new (url: string, protocols?: string | string[]) => WebSocket
  readonly params?: Record<string, string>
}

/** A standard y-websocket client on a board, connecting now; see `synced`. */
export function connectBoard(
  httpUrl: string,
  boardId: string,
  options: ConnectOptions = {},
): BoardClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(`${httpUrl.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    WebSocketPolyfill: (options.socket ?? WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: options.params ?? {},
  })
  return {
    doc,
    provider,
    close() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves once the client has synced with the server. */
export function synced(client: BoardClient): Promise<void> {
  return new Promise((resolve) => {
    if (client.provider.synced) resolve()
    else client.provider.once('sync', () => resolve())
  })
}

export async function joinBoard(httpUrl: string, boardId: string): Promise<BoardClient> {
  const client = connectBoard(httpUrl, boardId)
  await synced(client)
  return client
}

/** A raw WebSocket on a board, for sending bytes no well-behaved client would. */
export function rawSocket(httpUrl: string, boardId: string): Promise<WebSocket> {
  const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/ws/${boardId}`)
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

export function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
}
