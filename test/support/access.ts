// Access-control helpers for tests: a log captured in memory, users with grants, sign-in over
// real HTTP, and y-websocket clients or raw sockets that present a session cookie or a token.
import { pino } from 'pino'
import WebSocket from 'ws'
import { accounts } from '../../server/access/accounts.js'
import type { AccessStore } from '../../server/access/store.js'
import type { Logger } from '../../server/log.js'
import { connectBoard, synced, type BoardClient } from './clients.js'

export const PASSWORD = 'correct horse battery staple 电池'

export interface CapturedLog {
  readonly log: Logger
  /** Every line written so far, raw. */
  readonly text: () => string
  readonly messages: () => string[]
}

export function captureLog(level = 'debug'): CapturedLog {
  const lines: string[] = []
  const log = pino(
    { level, base: { service: 'test' } },
    { write: (line: string) => lines.push(line) },
  )
  return {
    log,
    text: () => lines.join(''),
    messages: () => lines.map((l) => (JSON.parse(l) as { msg: string }).msg),
  }
}

/** Creates a user with PASSWORD (unless given) and the grants `[boardId | '*', role]`. */
export async function addUser(
  store: AccessStore,
  name: string,
  grants: [string, string][] = [],
  password = PASSWORD,
): Promise<void> {
  const admin = accounts(store)
  await admin.addUser(name, password)
  for (const [board, role] of grants) await admin.grant(name, board, role)
}

/** Signs in over HTTP and returns the `Cookie` header value to send back. */
export async function signIn(url: string, userName: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  return cookieOf(res)
}

export function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie') ?? ''
  return header.split(';')[0] ?? ''
}

export interface As {
  readonly cookie?: string
  readonly token?: string
  readonly origin?: string
  /** The role the client believes it has, named as the app's pages name it. */
  readonly role?: string
}

function wsUrl(httpUrl: string, boardId: string, as: As): string {
  const query = new URLSearchParams({
    ...(as.token ? { token: as.token } : {}),
    ...(as.role ? { role: as.role } : {}),
  }).toString()
  return `${httpUrl.replace(/^http/, 'ws')}/ws/${boardId}${query ? `?${query}` : ''}`
}

function headersOf(as: As): Record<string, string> {
  return {
    ...(as.cookie ? { cookie: as.cookie } : {}),
    ...(as.origin ? { origin: as.origin } : {}),
  }
}

/** The HTTP status the upgrade got: 101 when it was accepted (the socket is closed again). */
export function upgradeStatus(httpUrl: string, boardId: string, as: As = {}): Promise<number> {
  const socket = new WebSocket(wsUrl(httpUrl, boardId, as), { headers: headersOf(as) })
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('open', () => {
      resolve(101)
      socket.close()
    })
    socket.once('error', (error) => {
      if (!error.message.includes('Unexpected server response')) reject(error)
    })
  })
}

/** A raw socket on a board, presenting the given credentials. */
export function rawSocketAs(httpUrl: string, boardId: string, as: As): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl(httpUrl, boardId, as), { headers: headersOf(as) })
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

/** A standard y-websocket client presenting a cookie and/or token; resolves once synced. */
export async function joinBoardAs(httpUrl: string, boardId: string, as: As): Promise<BoardClient> {
  const headers = headersOf(as)
  class CredentialedSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  const client = connectBoard(httpUrl, boardId, {
    socket: CredentialedSocket,
    params: as.token ? { token: as.token } : {},
  })
  await synced(client)
  return client
}
