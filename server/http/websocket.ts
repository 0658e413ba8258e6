// The y-websocket endpoint: /ws/<boardId>. Checks board, origin and role BEFORE the upgrade (the
// route below), then joins the socket to the board's room as a Peer with the caller's role.
import type { Duplex } from 'node:stream'
import { Hono } from 'hono'
import { WebSocket } from 'ws'
import type { Role } from '../../shared/roles.js'
import type { LiveAccess, LiveConnection } from '../access/live.js'
import type { Logger } from '../log.js'
import { countRefusal, type Metrics } from '../ops/metrics.js'
import { openConnection, type ConnectionHandle } from '../room/connection.js'
import { CloseCode, type Peer } from '../room/peer.js'
import type { Rooms } from '../room/rooms.js'
import { actorName, requireRole, sameOrigin, type BoardAccessEnv } from './access.js'
import { requireBoard } from './require-board.js'
import { SOCKET_GRANT, type UpgradeEnv } from './upgrade.js'
import { sharedBinaryFrame } from './ws-frame.js'

export interface WebsocketDeps {
  readonly rooms: Rooms
  readonly log: Logger
  readonly live: LiveAccess
  readonly allowedOrigins: readonly string[]
  readonly metrics?: Metrics
  readonly maxMessagesPerSecond: number
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
      // The role the page believes it has, if it says: a page that was away while its role
      // changed was never told (see live.ts), so it is told now, the same way, and asks again.
      const believed = c.req.query('role')
      c.env[SOCKET_GRANT] = (ws, raw) => {
        if (believed !== undefined && believed !== role)
          return ws.close(CloseCode.policyViolation, 'access changed, reconnect')
        const socket = new BoardSocket(
          ws,
          raw,
          boardId,
          role,
          deps.metrics,
          deps.maxMessagesPerSecond,
        )
        socket.connection = openConnection(deps.rooms, boardId, socket, role, deps.log, actor)
        // Closed (1008) when this caller's access to the board changes.
        socket.untrack = deps.live.track(credentials, access, socket)
        deps.metrics?.websocketConnections.inc({ role })
        SOCKETS.set(ws, socket)
        ws.on('message', onMessage)
        ws.on('error', onError)
        ws.on('close', onClose)
        deps.log.debug({ board: boardId, role, caller: access.principal.kind }, 'connection opened')
      }
      return c.body(null, 204)
    },
  )
  return app
}

/**
 * One board connection: the room core's Peer, plus what its socket events need. A class with
 * shared listener functions (below) rather than closures, since idle boards hold thousands.
 */
class BoardSocket implements Peer, LiveConnection {
  connection: ConnectionHandle | undefined
  untrack: (() => void) | undefined
  /** Whether this side started the close: a refusal counted there is not counted again. */
  private closedHere = false
  // A fixed one-second window: two numbers, where a token-bucket object per socket would cost
  // memory on every idle connection.
  private windowStart = 0
  private messagesInWindow = 0

  constructor(
    private readonly ws: WebSocket,
    /** The connection under `ws`: messages go out on it pre-framed (see ws-frame.ts). */
    private readonly raw: Duplex,
    readonly boardId: string,
    readonly role: Role,
    readonly metrics: Metrics | undefined,
    private readonly maxMessagesPerSecond: number,
  ) {}

  /** Counts a message; false once this second's allowance is spent. */
  allowMessage(now: number): boolean {
    if (now - this.windowStart >= 1_000) {
      this.windowStart = now
      this.messagesInWindow = 0
    }
    return ++this.messagesInWindow <= this.maxMessagesPerSecond
  }

  send(data: Uint8Array): void {
    // `ws` writes its own frames (pings, the close) straight to the same connection and never
    // queues them (no compression here), so whole frames written here cannot interleave with them.
    if (this.ws.readyState === WebSocket.OPEN) this.raw.write(sharedBinaryFrame(data))
  }

  close(code: number, reason: string): void {
    if (!this.closedHere && this.metrics) countRefusal(this.metrics, code)
    this.closedHere = true
    this.ws.close(code, reason)
  }
}

const SOCKETS = new WeakMap<WebSocket, BoardSocket>()

function onMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
  const socket = SOCKETS.get(this)
  if (!socket) return
  if (!isBinary) return socket.close(CloseCode.unsupportedData, 'binary frames only')
  if (!socket.allowMessage(Date.now()))
    return socket.close(CloseCode.tryAgainLater, 'too many messages, slow down')
  socket.metrics?.messageBytes.observe(data.byteLength)
  socket.connection?.receive(data)
}

function onError(this: WebSocket, error: Error): void {
  const metrics = SOCKETS.get(this)?.metrics
  // ws closes on its own with 1009 when a frame is larger than maxPayload.
  if (metrics && isTooLarge(error)) countRefusal(metrics, CloseCode.tooLarge)
}

function onClose(this: WebSocket): void {
  const socket = SOCKETS.get(this)
  if (!socket) return
  SOCKETS.delete(this)
  socket.metrics?.websocketConnections.dec({ role: socket.role })
  socket.untrack?.()
  socket.connection?.closed()
}

function isTooLarge(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
  )
}
