// Who is calling and what may they do on each board, from a session id or a share-link token.
//
// Modes:
// - open mode: while NO user exists, every caller is an `editor` on every board. This is safe
//   only because the server binds to loopback (HOST=127.0.0.1) by default; it keeps a fresh
//   install usable with nothing to configure. Open mode applies only to requests addressed to a
//   loopback name on a server bound to loopback (`openModeAllowed`); otherwise a server with no
//   users lets nobody in (and a web page using DNS rebinding to reach 127.0.0.1 gets nothing).
// - accounts mode: as soon as one user exists, a caller needs a session (signed in) or a share
//   link; anyone else gets no access at all (HTTP 401, WebSocket refused before the upgrade).
// A share-link token always means `viewer` on its board(s), even in open mode, so a link made
// for a wall screen never edits. A token that is unknown, expired or revoked is refused outright.
import { ROLES, type Role } from '../../shared/roles.js'
import { ALL_BOARDS, type AccessStore, type Grant, type ShareLink, type User } from './store.js'

/** What a request presented, already hashed (the raw token and session id stay at the edge). */
export interface Credentials {
  readonly sessionHash?: string
  readonly tokenHash?: string
  /** False when open mode must not apply (non-loopback bind or Host); defaults to true. */
  readonly openModeAllowed?: boolean
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i
export const isLoopbackHost = (hostname: string): boolean => LOOPBACK.test(hostname)

export type Principal =
  | { readonly kind: 'open' }
  | { readonly kind: 'anonymous'; readonly refused?: 'invalid-share-link' }
  | { readonly kind: 'user'; readonly user: User; readonly grants: readonly Grant[] }
  | { readonly kind: 'share-link'; readonly link: ShareLink }

export interface Access {
  readonly principal: Principal
  /** `open` while no user exists (see above), else `accounts`. */
  readonly mode: 'open' | 'accounts'
  /** The access store's version when this was resolved (see LiveAccess). */
  readonly version: number
  /** When this access ends by itself (session or share-link expiry), as epoch ms. */
  readonly expiresAt: number | null
  roleFor(boardId: string): Role | null
}

export const rank = (role: Role): number => ROLES.length - ROLES.indexOf(role)

/** A grant on the board itself overrides one on `*`: "editor on *, viewer on marine" works. */
export function roleFromGrants(grants: readonly Grant[], boardId: string): Role | null {
  return (
    grants.find((g) => g.boardId === boardId)?.role ??
    grants.find((g) => g.boardId === ALL_BOARDS)?.role ??
    null
  )
}

export function isUsable(link: ShareLink, now = Date.now()): boolean {
  return !link.revokedAt && (!link.expiresAt || Date.parse(link.expiresAt) > now)
}

function access(
  principal: Principal,
  mode: Access['mode'],
  version: number,
  expiresAt: number | null,
): Access {
  const roleFor = (boardId: string): Role | null => {
    switch (principal.kind) {
      case 'open':
        return 'editor'
      case 'anonymous':
        return null
      case 'user':
        return roleFromGrants(principal.grants, boardId)
      case 'share-link':
        return principal.link.boardId === ALL_BOARDS || principal.link.boardId === boardId
          ? 'viewer'
          : null
    }
  }
  return { principal, mode, version, expiresAt, roleFor }
}

export async function resolveAccess(store: AccessStore, creds: Credentials): Promise<Access> {
  // Read first: a change made after this is noticed by the next LiveAccess check.
  const version = await store.version()
  const mode = (await store.countUsers()) === 0 ? 'open' : 'accounts'
  const now = Date.now()
  if (creds.tokenHash !== undefined) {
    const link = await store.findShareLinkByTokenHash(creds.tokenHash)
    if (!link || !isUsable(link, now))
      return access({ kind: 'anonymous', refused: 'invalid-share-link' }, mode, version, null)
    const expiresAt = link.expiresAt ? Date.parse(link.expiresAt) : null
    return access({ kind: 'share-link', link }, mode, version, expiresAt)
  }
  if (mode === 'open')
    return creds.openModeAllowed === false
      ? access({ kind: 'anonymous' }, mode, version, null)
      : access({ kind: 'open' }, mode, version, null)
  if (creds.sessionHash !== undefined) {
    const session = await store.findSession(creds.sessionHash)
    const expiresAt = session ? Date.parse(session.expiresAt) : 0
    const user = session && expiresAt > now ? await store.findUserById(session.userId) : null
    if (user) {
      const publicUser: User = {
        id: user.id,
        name: user.name,
        displayName: user.displayName,
        createdAt: user.createdAt,
      }
      const grants = await store.grantsOf(user.id)
      return access({ kind: 'user', user: publicUser, grants }, mode, version, expiresAt)
    }
  }
  return access({ kind: 'anonymous' }, mode, version, null)
}
