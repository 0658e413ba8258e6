// HTTP side of access control: reads the credentials of a request (signed session cookie, or a
// share-link `?token=`), resolves the caller's access once, and guards routes by role.
// Status codes: no usable credentials → 401; signed in (or a share link) but no role → 403.
import type { Context } from 'hono'
import { getSignedCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { Role } from '../../shared/roles.js'
import {
  isLoopbackHost,
  rank,
  resolveAccess,
  type Access,
  type Credentials,
} from '../access/resolve.js'
import type { AccessStore } from '../access/store.js'
import { hashToken } from '../access/tokens.js'
import { errorResponse } from './errors.js'
import type { BoardEnv } from './require-board.js'

export const SESSION_COOKIE = 'sb_session'

export type AccessEnv = { Variables: { access: Access; credentials: Credentials } }
export type BoardAccessEnv = { Variables: BoardEnv['Variables'] & AccessEnv['Variables'] }

export interface AccessDeps {
  readonly store: AccessStore
  /** Secret the session cookie is signed with. */
  readonly secret: string
  /** Whether the server is bound to loopback, where open mode may apply (see resolve.ts). */
  readonly loopbackBind: boolean
}

/** The session id from the signed cookie, or undefined when absent or badly signed. */
export async function sessionIdOf(c: Context, secret: string): Promise<string | undefined> {
  const value = await getSignedCookie(c, secret, SESSION_COOKIE)
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/** Resolves the caller's access for every route after it: `c.get('access')`. */
export function resolveAccessMiddleware({ store, secret, loopbackBind }: AccessDeps) {
  return createMiddleware<AccessEnv>(async (c, next) => {
    const token = c.req.query('token')
    const sessionId = await sessionIdOf(c, secret)
    const credentials: Credentials = {
      openModeAllowed: loopbackBind && isLoopbackHost(new URL(c.req.url).hostname),
      ...(token !== undefined ? { tokenHash: hashToken(token) } : {}),
      ...(sessionId !== undefined ? { sessionHash: hashToken(sessionId) } : {}),
    }
    c.set('credentials', credentials)
    c.set('access', await resolveAccess(store, credentials))
    await next()
  })
}

/** 401 when the caller presented nothing usable, else 403. */
export function refuseAccess(c: Context, access: Access, message: string) {
  if (access.principal.kind === 'anonymous') {
    return access.principal.refused === 'invalid-share-link'
      ? errorResponse(
          c,
          401,
          'invalid-share-link',
          'this share link is unknown, expired or revoked',
        )
      : errorResponse(c, 401, 'unauthenticated', 'sign in, or open a share link')
  }
  return errorResponse(c, 403, 'forbidden', message)
}

/** The caller must have an answer at all (used by routes that list what the caller may see). */
export const requireCaller = createMiddleware<AccessEnv>(async (c, next) => {
  const access = c.get('access')
  if (access.principal.kind === 'anonymous') return refuseAccess(c, access, '')
  await next()
})

/**
 * The caller needs at least `min` on the route's board (after requireBoard): `requireRole('viewer')`
 * for reads, `requireRole('editor')` for writes.
 */
export function requireRole(min: Role) {
  return createMiddleware<BoardAccessEnv>(async (c, next) => {
    const boardId = c.get('boardId')
    const access = c.get('access')
    const role = access.roleFor(boardId)
    if (!role || rank(role) < rank(min))
      return refuseAccess(
        c,
        access,
        role ? `a ${role} cannot change board "${boardId}"` : `no access to board "${boardId}"`,
      )
    await next()
  })
}

/**
 * Browsers send Origin on WebSocket upgrades and cross-site requests; refuse origins other than
 * the server's own (or configured ones), so no other site can use a visitor's session cookie.
 * Requests without Origin (non-browser clients) pass: they carry no ambient browser credentials.
 */
export function sameOrigin(allowed: readonly string[]) {
  return createMiddleware(async (c, next) => {
    const origin = c.req.header('origin')
    if (origin !== undefined && !allowed.includes(origin)) {
      let host: string | undefined
      try {
        host = new URL(origin).host
      } catch {
        host = undefined
      }
      if (!host || host !== c.req.header('host'))
        return errorResponse(c, 403, 'bad-origin', `requests from ${origin} are not allowed`)
    }
    await next()
  })
}

/** The name the audit trail and snapshots record for a caller. */
export function actorName(access: Access): string {
  const p = access.principal
  if (p.kind === 'user') return p.user.displayName || p.user.name
  if (p.kind === 'share-link') return `share link ${p.link.label || p.link.id}`
  return 'local'
}
