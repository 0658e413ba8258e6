// The y-websocket endpoint: /ws/<boardId>. Adapts Hono's WebSocket to the room core's Peer.
import { upgradeWebSocket } from '@hono/node-server'
import { Hono } from 'hono'
import type { Logger } from '../log.js'
import { openConnection, type ConnectionHandle } from '../room/connection.js'
import { CloseCode, type Peer } from '../room/peer.js'
import type { Rooms } from '../room/rooms.js'
import { requireBoard, type BoardEnv } from './require-board.js'

export function websocketRoutes(rooms: Rooms, log: Logger): Hono<BoardEnv> {
  const app = new Hono<BoardEnv>()
  app.get(
    '/:boardId',
    requireBoard,
    upgradeWebSocket((c) => {
      const boardId = c.get('boardId')
      let handle: ConnectionHandle | undefined
      return {
        onOpen(_event, ws) {
          const peer: Peer = {
            // y-protocols encoders always allocate plain ArrayBuffers.
            send: (data) => ws.send(data as Uint8Array<ArrayBuffer>),
            close: (code, reason) => ws.close(code, reason),
          }
          // Every connection edits until accounts and roles arrive (the server binds to loopback).
          handle = openConnection(rooms, boardId, peer, 'editor', log)
        },
        onMessage(event, ws) {
          if (!(event.data instanceof ArrayBuffer)) {
            ws.close(CloseCode.unsupportedData, 'binary frames only')
            return
          }
          handle?.receive(new Uint8Array(event.data))
        },
        onClose() {
          handle?.closed()
        },
      }
    }),
  )
  return app
}
