// The y-websocket endpoint: /ws/<boardId>. Checks board, origin and role BEFORE the upgrade, then
// adapts Hono's WebSocket to the room core's Peer, joined with the caller's role on that board.
import { upgradeWebSocket } from '@hono/node-server'
import { Hono } from 'hono'
import type { Role } from '../../shared/roles.js'
import type { LiveAccess } from '../access/live.js'
import type { Logger } from '../log.js'
import { openConnection, type ConnectionHandle } from '../room/connection.js'
import { CloseCode, type Peer } from '../room/peer.js'
import type { Rooms } from '../room/rooms.js'
import { actorName, requireRole, sameOrigin, type BoardAccessEnv } from './access.js'
import { requireBoard } from './require-board.js'

export interface WebsocketDeps {
  readonly rooms: Rooms
  readonly log: Logger
  readonly live: LiveAccess
  readonly allowedOrigins: readonly string[]
}

export function websocketRoutes({ rooms, log, live, allowedOrigins }: WebsocketDeps) {
  const app = new Hono<BoardAccessEnv>()
  app.get(
    '/:boardId',
    requireBoard,
    sameOrigin(allowedOrigins),
    requireRole('viewer'),
    upgradeWebSocket((c) => {
      const boardId = c.get('boardId')
      const access = c.get('access')
      const credentials = c.get('credentials')
      // requireRole('viewer') let the request through, so there is a role.
      const role = access.roleFor(boardId) as Role
      let handle: ConnectionHandle | undefined
      let untrack: (() => void) | undefined
      return {
        onOpen(_event, ws) {
          const peer: Peer = {
            // y-protocols encoders always allocate plain ArrayBuffers.
            send: (data) => ws.send(data as Uint8Array<ArrayBuffer>),
            close: (code, reason) => ws.close(code, reason),
          }
          handle = openConnection(rooms, boardId, peer, role, log, actorName(access))
          // Closed (1008) when this caller's access to the board changes.
          untrack = live.track(credentials, access, { boardId, role, close: peer.close })
          log.debug({ board: boardId, role, caller: access.principal.kind }, 'connection opened')
        },
        onMessage(event, ws) {
          if (!(event.data instanceof ArrayBuffer)) {
            ws.close(CloseCode.unsupportedData, 'binary frames only')
            return
          }
          handle?.receive(new Uint8Array(event.data))
        },
        onClose() {
          untrack?.()
          handle?.closed()
        },
      }
    }),
  )
  return app
}
