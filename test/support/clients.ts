// Standard y-websocket clients (the `y-websocket` provider over `ws`) for integration tests.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface BoardClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  close(): void
}

export async function joinBoard(httpUrl: string, boardId: string): Promise<BoardClient> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${httpUrl.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', () => resolve())
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
