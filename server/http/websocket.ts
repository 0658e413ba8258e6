// The y-websocket endpoint: /ws/<boardId>. Checks board, origin and role BEFORE the upgrade, then
// adapts Hono's WebSocket to the room core's Peer, joined with the caller's role on that board.
import { upgradeWebSocket } from '@hono/node-server'
import { Hono } from 'hono'
import type { Role } from '../../shared/roles.js'
import type { LiveAccess } from '../access/live.js'
import type { Logger } from '../log.js'
import { countRefusal, type Metrics } from '../ops/metrics.js'
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
  readonly metrics?: Metrics
}

export function websocketRoutes({ rooms, log, live, allowedOrigins, metrics }: WebsocketDeps) {
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
      // Whether this side started the close: a refusal counted there is not counted again.
      let closedHere = false
      const close = (
        ws: { close(code: number, reason: string): void },
        code: number,
        reason: string,
      ) => {
        if (!closedHere && metrics) countRefusal(metrics, code)
        closedHere = true
        ws.close(code, reason)
      }
      return {
        onOpen(_event, ws) {
          metrics?.websocketConnections.inc({ role })
          const peer: Peer = {
            // y-protocols encoders always allocate plain ArrayBuffers.
            send: (data) => ws.send(data as Uint8Array<ArrayBuffer>),
            close: (code, reason) => close(ws, code, reason),
          }
          handle = openConnection(rooms, boardId, peer, role, log, actorName(access))
          // Closed (1008) when this caller's access to the board changes.
          untrack = live.track(credentials, access, { boardId, role, close: peer.close })
          log.debug({ board: boardId, role, caller: access.principal.kind }, 'connection opened')
        },
        onMessage(event, ws) {
          if (!(event.data instanceof ArrayBuffer)) {
            close(ws, CloseCode.unsupportedData, 'binary frames only')
            return
          }
          metrics?.messageBytes.observe(event.data.byteLength)
          handle?.receive(new Uint8Array(event.data))
        },
        onError(event) {
          // ws closes on its own with 1009 when a frame is larger than maxPayload.
          const error: unknown = 'error' in event ? event.error : undefined
          if (metrics && isTooLarge(error)) countRefusal(metrics, CloseCode.tooLarge)
        },
        onClose() {
          metrics?.websocketConnections.dec({ role })
          untrack?.()
          handle?.closed()
        },
      }
    }),
  )
  return app
}

function isTooLarge(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
  )
}
