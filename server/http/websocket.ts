// The y-websocket endpoint: /ws/<boardId>. Checks board, origin and role BEFORE the upgrade (the
// route below), then joins the socket to the board's room as a Peer with the caller's role.
import { Hono } from 'hono'
import type { WebSocket } from 'ws'
import type { Role } from '../../shared/roles.js'
import type { LiveAccess } from '../access/live.js'
import type { Logger } from '../log.js'
import { countRefusal, type Metrics } from '../ops/metrics.js'
import { openConnection } from '../room/connection.js'
import { CloseCode, type Peer } from '../room/peer.js'
import type { Rooms } from '../room/rooms.js'
import { actorName, requireRole, sameOrigin, type BoardAccessEnv } from './access.js'
import { requireBoard } from './require-board.js'
import { SOCKET_GRANT, type UpgradeEnv } from './upgrade.js'

export interface WebsocketDeps {
  readonly rooms: Rooms
  readonly log: Logger
  readonly live: LiveAccess
  readonly allowedOrigins: readonly string[]
  readonly metrics?: Metrics
}

type SocketEnv = BoardAccessEnv & { Bindings: UpgradeEnv }

export function websocketRoutes(deps: WebsocketDeps) {
  const app = new Hono<SocketEnv>()
  app.get(
    '/:boardId',
    requireBoard,
    sameOrigin(deps.allowedOrigins),
    requireRole('viewer'),
    (c) => {
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket')
        return c.text('this is a WebSocket endpoint', 426)
      const boardId = c.get('boardId')
      const access = c.get('access')
      const credentials = c.get('credentials')
      // requireRole('viewer') let the request through, so there is a role.
      const role = access.roleFor(boardId) as Role
      const actor = actorName(access)
      c.env[SOCKET_GRANT] = (ws) => {
        const peer = boardPeer(ws, deps.metrics)
        const connection = openConnection(deps.rooms, boardId, peer, role, deps.log, actor)
        // Closed (1008) when this caller's access to the board changes.
        const untrack = deps.live.track(credentials, access, { boardId, role, close: peer.close })
        deps.metrics?.websocketConnections.inc({ role })
        ws.on('message', (data: Buffer, isBinary: boolean) => {
          if (!isBinary) return peer.close(CloseCode.unsupportedData, 'binary frames only')
          deps.metrics?.messageBytes.observe(data.byteLength)
          connection.receive(data)
        })
        ws.on('error', (error) => {
          // ws closes on its own with 1009 when a frame is larger than maxPayload.
          if (deps.metrics && isTooLarge(error)) countRefusal(deps.metrics, CloseCode.tooLarge)
        })
        ws.on('close', () => {
          deps.metrics?.websocketConnections.dec({ role })
          untrack()
          connection.closed()
        })
        deps.log.debug({ board: boardId, role, caller: access.principal.kind }, 'connection opened')
      }
      return c.body(null, 204)
    },
  )
  return app
}

/** The room core's view of a socket; a close started here is counted once if it is a refusal. */
function boardPeer(ws: WebSocket, metrics: Metrics | undefined): Peer {
  let closedHere = false
  return {
    send: (data) => ws.send(data),
    close(code, reason) {
      if (!closedHere && metrics) countRefusal(metrics, code)
      closedHere = true
      ws.close(code, reason)
    },
  }
}

function isTooLarge(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
  )
}
