// Who this browser is to the server and what it may do: GET/POST/DELETE /api/session, and the
// read-only share-link token (from a `?token=` link), which travels with every request.
import type { Role } from '../../shared/roles.js'
import { takeSession } from './prefetch'

export interface AccessInfo {
  readonly user: { readonly name: string; readonly displayName: string } | null
  readonly shareLink: { readonly boardId: string; readonly label: string } | null
  readonly roles: Readonly<Record<string, Role>>
  readonly mode: 'open' | 'accounts'
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
 * The caller's access. Offline, the last answer seen in this browser stands in, so a board
 * opened before still opens (with the same role; the server checks again on reconnect).
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
  if (!res.ok) throw new Error(await errorMessage(res))
  const info = (await res.json()) as AccessInfo
  localStorage.setItem(ACCESS_KEY, JSON.stringify(info))
  return info
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

async function errorMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
  return body?.error?.message ?? `${res.status} ${res.statusText}`
}
