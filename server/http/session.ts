// Session routes: sign in (POST), who am I (GET), sign out (DELETE) on /api/session. A failed
// sign-in is slowed down (fixed minimum delay) and throttled per user name and client address.
import { Hono } from 'hono'
import { deleteCookie, setSignedCookie } from 'hono/cookie'
import { z } from 'zod'
import type { Role } from '../../shared/roles.js'
import { SECTORS } from '../../shared/sectors.js'
import { dummyHash, MAX_PASSWORD_LENGTH, verifyPassword } from '../access/password.js'
import { resolveAccess, type Access } from '../access/resolve.js'
import type { AccessStore } from '../access/store.js'
import type { SignInThrottle } from '../access/throttle.js'
import { hashToken, newToken } from '../access/tokens.js'
import type { Logger } from '../log.js'
import { SESSION_COOKIE, sessionIdOf, type AccessEnv } from './access.js'
import { clientAddress } from './client-address.js'
import { errorResponse } from './errors.js'

/** Every failed sign-in takes at least this long (plus up to 100 ms of jitter). */
export const MIN_FAILURE_DELAY_MS = 400

export interface SessionDeps {
  readonly store: AccessStore
  readonly secret: string
  readonly sessionMs: number
  /** Failed sign-ins by user name (few allowed) and by client address (more: offices share one). */
  readonly throttles: { readonly user: SignInThrottle; readonly address: SignInThrottle }
  readonly log: Logger
  /** Proxies in front that append to X-Forwarded-For (0: use the TCP peer; see client-address.ts). */
  readonly trustedProxies?: number
  /** Mark the cookie Secure; when unset, only if this request itself came over https. */
  readonly secureCookies?: boolean
}

const SignIn = z.object({
  userName: z.string().min(1).max(64),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

/** The body of GET /api/session, also answered by a successful sign-in. */
export function describeAccess(access: Access) {
  const roles: Record<string, Role> = {}
  for (const { id } of SECTORS) {
    const role = access.roleFor(id)
    if (role) roles[id] = role
  }
  const p = access.principal
  return {
    user: p.kind === 'user' ? { name: p.user.name, displayName: p.user.displayName } : null,
    shareLink:
      p.kind === 'share-link'
        ? { boardId: p.link.boardId, label: p.link.label, expiresAt: p.link.expiresAt }
        : null,
    roles,
    mode: access.mode,
  }
}

export function sessionRoutes(deps: SessionDeps) {
  const { store, secret, sessionMs, throttles, log } = deps
  const app = new Hono<AccessEnv>()

  app.get('/', (c) => {
    const access = c.get('access')
    if (access.principal.kind === 'anonymous' && access.principal.refused)
      return errorResponse(
        c,
        401,
        'invalid-share-link',
        'this share link is unknown, expired or revoked',
      )
    return c.json(describeAccess(access))
  })

  app.post('/', async (c) => {
    const started = Date.now()
    const body = SignIn.safeParse(await c.req.json().catch(() => undefined))
    if (!body.success)
      return errorResponse(c, 400, 'bad-request', 'expected JSON { "userName", "password" }')
    const { userName, password } = body.data
    const address = clientAddress(c, deps.trustedProxies)
    const userKey = userName.toLowerCase()
    const fail = async (status: 401 | 429, code: string, message: string) => {
      await sleep(started + MIN_FAILURE_DELAY_MS + Math.random() * 100 - Date.now())
      return errorResponse(c, status, code, message)
    }

    const wait = Math.max(
      throttles.user.retryAfter([userKey]),
      throttles.address.retryAfter([address]),
    )
    if (wait > 0) {
      log.warn({ address }, 'sign-in refused: too many failed attempts')
      c.header('Retry-After', String(Math.ceil(wait / 1000)))
      return fail(429, 'too-many-attempts', 'too many failed sign-ins; try again later')
    }
    const user = await store.findUserByName(userName)
    // A missing user costs the same scrypt work as a wrong password.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()))
    if (!user || !ok) {
      throttles.user.failed([userKey])
      throttles.address.failed([address])
      // An unknown name is not logged: people sometimes type their password into that field.
      log.warn({ userName: user?.name ?? null, address }, 'sign-in failed')
      return fail(401, 'bad-credentials', 'wrong user name or password')
    }
    throttles.user.succeeded([userKey])

    // A fresh session id on every sign-in (no fixation); a previous session of this browser ends.
    const previous = await sessionIdOf(c, secret)
    if (previous !== undefined) await store.deleteSession(hashToken(previous))
    const sessionId = newToken()
    const now = Date.now()
    // The cookie carries the id; the store keeps only its digest.
    await store.createSession(hashToken(sessionId), {
      userId: user.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + sessionMs).toISOString(),
    })
    await setSignedCookie(c, SESSION_COOKIE, sessionId, secret, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: deps.secureCookies ?? new URL(c.req.url).protocol === 'https:',
      maxAge: Math.floor(sessionMs / 1000),
    })
    log.info({ userName: user.name }, 'signed in')
    const access = await resolveAccess(store, { sessionHash: hashToken(sessionId) })
    return c.json(describeAccess(access))
  })

  app.delete('/', async (c) => {
    const sessionId = await sessionIdOf(c, secret)
    if (sessionId !== undefined) await store.deleteSession(hashToken(sessionId))
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.json({ user: null })
  })

  return app
}
