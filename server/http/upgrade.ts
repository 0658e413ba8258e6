// WebSocket upgrades: decided by the Hono app, served by `ws` directly. The upgrade request goes
// through the app like any request (board, origin, role checks); a route that grants it leaves a
// function in the request's env that takes over the socket. Hono's own WebSocket helper is not
// used because it keeps the whole request alive for each socket's lifetime and allocates an event
// (and copies the data) for every message, which idle boards and busy rooms both pay for.
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'

/** Key of the grant a route leaves in the env of an upgrade request it accepts. */
export const SOCKET_GRANT = Symbol('socket grant')

/** Takes over an accepted socket: `ws` speaks the protocol, `socket` is the connection under it. */
export type SocketGrant = (ws: WebSocket, socket: Duplex) => void

/** What the Node adapter passes as env to the app, plus the grant a route may leave. */
export interface UpgradeEnv {
  readonly incoming: IncomingMessage
  readonly outgoing: undefined
  [SOCKET_GRANT]?: SocketGrant
}

type Fetch = (request: Request, env: UpgradeEnv) => Response | Promise<Response>

export function serveUpgrades(server: Server, fetch: Fetch, wss: WebSocketServer): void {
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Not a closure: one here would share this handler's scope, keeping the request alive as long
    // as the socket lives.
    socket.on('error', destroySocket)
    void decide(request, fetch).then(
      ({ response, grant }) => {
        if (socket.destroyed) return
        if (!grant) return void refuse(socket, response)
        wss.handleUpgrade(request, socket, head, (ws) => {
          wss.emit('connection', ws, request)
          grant(ws, socket)
        })
      },
      () => refuse(socket, new Response('internal error', { status: 500 })),
    )
  })
}

function destroySocket(this: Duplex): void {
  this.destroy()
}

async function decide(
  request: IncomingMessage,
  fetch: Fetch,
): Promise<{ response: Response; grant: SocketGrant | undefined }> {
  const env: UpgradeEnv = { incoming: request, outgoing: undefined }
  const response = await fetch(toFetchRequest(request), env)
  return { response, grant: env[SOCKET_GRANT] }
}

function toFetchRequest(request: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  const host = request.headers.host ?? 'localhost'
  return new Request(new URL(request.url ?? '/', `http://${host}`), { headers })
}

/** Answers a refused upgrade with the app's status and body, then closes the socket. */
function refuse(socket: Duplex, response: Response): void {
  void response.text().then(
    (body) => {
      const status = response.status === 204 ? 400 : response.status
      const type = response.headers.get('content-type') ?? 'text/plain; charset=utf-8'
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
          `Connection: close\r\nContent-Type: ${type}\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      )
    },
    () => socket.destroy(),
  )
}
