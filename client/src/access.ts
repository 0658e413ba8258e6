// Who this browser is to the server and what it may do: GET/POST/DELETE /api/session, and the
// read-only share-link token (from a `?token=` link), which travels with every request.
import type { Role } from '../../shared/roles.js'
import { takeSession } from './prefetch'

export interface AccessInfo {
  readonly user: { readonly name: string; readonly displayName: string } | null
  readonly shareLink: { readonly boardId: string; readonly label: string } | null
  readonly roles: Readonly<Record<string, Role>>
  readonly mode: 'open' | 'accounts'
  /** The server refused this tab's share link (unknown, expired or revoked): nothing opens. */
  readonly linkRefused?: true
}

const TOKEN_KEY = 'sector-board:share-token'

/** A share-link token from the page URL is kept for this tab and removed from the address bar. */
export function shareToken(): string | null {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url)
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

/** Adds the share token, if any, to an API or WebSocket URL. */
export function withToken(path: string): string {
  const token = shareToken()
  if (!token) return path
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`
}

/** Query parameters for a WebSocket connection (y-websocket's `params`). */
export function tokenParams(): Record<string, string> {
  const token = shareToken()
  return token ? { token } : {}
}

const ACCESS_KEY = 'sector-board:last-access'

/** The last access answer this browser saw, if any (it may be out of date). */
export function lastKnownAccess(): AccessInfo | null {
  const cached = localStorage.getItem(ACCESS_KEY)
  return cached ? (JSON.parse(cached) as AccessInfo) : null
}

/**
 * The caller's access. Offline (or with the server failing), the last answer seen in this browser
 * stands in, so a board opened before still opens (with the same role; the server checks again
 * on reconnect).
 */
export async function fetchAccess(): Promise<AccessInfo> {
  const cached = localStorage.getItem(ACCESS_KEY)
  if (cached && !navigator.onLine) return JSON.parse(cached) as AccessInfo
  let res: Response
  try {
    res = await (takeSession() ?? fetch(withToken('/api/session')))
  } catch (error) {
    if (cached) return JSON.parse(cached) as AccessInfo
    throw error
  }
  let info: AccessInfo
  if (res.ok) info = (await res.json()) as AccessInfo
  else if (res.status === 401 && (await errorCode(res)) === 'invalid-share-link')
    info = refusedLink(cached ? (JSON.parse(cached) as AccessInfo) : null)
  // A failing server (a proxy's 502 during a restart) is like being offline.
  else if (cached && res.status >= 500) return JSON.parse(cached) as AccessInfo
  else throw new Error(await errorMessage(res))
  localStorage.setItem(ACCESS_KEY, JSON.stringify(info))
  return info
}

/** No board opens with a refused share link; the mode is the last one seen (the 401 omits it). */
function refusedLink(last: AccessInfo | null): AccessInfo {
  return {
    user: null,
    shareLink: null,
    roles: {},
    mode: last?.mode ?? 'accounts',
    linkRefused: true,
  }
}

export async function signIn(userName: string, password: string): Promise<AccessInfo> {
  const res = await fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password }),
  })
  if (!res.ok) throw new Error(await errorMessage(res))
  return (await res.json()) as AccessInfo
}

export async function signOut(): Promise<void> {
  sessionStorage.removeItem(TOKEN_KEY)
  localStorage.removeItem(ACCESS_KEY)
  await fetch('/api/session', { method: 'DELETE' })
}

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string }
}

/** The error body of a refused request (read from a copy: the response stays readable). */
async function errorBody(res: Response): Promise<ErrorBody | null> {
  return (await res
    .clone()
    .json()
    .catch(() => null)) as ErrorBody | null
}

async function errorMessage(res: Response): Promise<string> {
  return (await errorBody(res))?.error?.message ?? `${res.status} ${res.statusText}`
}

async function errorCode(res: Response): Promise<string | undefined> {
  return (await errorBody(res))?.error?.code
}
