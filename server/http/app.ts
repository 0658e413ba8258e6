// The Hono application: API routes, the WebSocket endpoint and the built client. Every /api and
// /ws route after /api/health resolves the caller's access first (see http/access.ts).
import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { BoardError } from '../../shared/errors.js'
import { LiveAccess } from '../access/live.js'
import { isLoopbackHost } from '../access/resolve.js'
import type { AccessStore } from '../access/store.js'
import type { AuditStore } from '../history/audit-store.js'
import type { SnapshotService } from '../history/snapshots.js'
import { SignInThrottle } from '../access/throttle.js'
import type { Logger } from '../log.js'
import type { Metrics } from '../ops/metrics.js'
import { Readiness } from '../ops/readiness.js'
import type { Rooms } from '../room/rooms.js'
import { resolveAccessMiddleware, sameOrigin } from './access.js'
import { boardRoutes } from './boards.js'
import { errorResponse } from './errors.js'
import { exportRoutes } from './export.js'
import { importRoutes } from './import.js'
import { opsRoutes } from './ops.js'
import { sessionRoutes } from './session.js'
import { snapshotRoutes } from './snapshots.js'
import { stateRoutes } from './state.js'
import { auditRoutes } from './audit.js'
import { websocketRoutes } from './websocket.js'

export interface AppDeps {
  readonly rooms: Rooms
  readonly log: Logger
  readonly access: AccessStore
  readonly snapshots: SnapshotService
  readonly audit: AuditStore
  /** Signs session cookies. */
  readonly sessionSecret: string
  /** Tracks live connections for revocation; one is made (not polling) when absent. */
  readonly live?: LiveAccess
  readonly sessionMs?: number
  readonly allowedOrigins?: readonly string[]
  /** The host the server binds to; open mode applies only on loopback (default 127.0.0.1). */
  readonly host?: string
  /** Largest import body in bytes (default 50 MiB). */
  readonly maxImportBytes?: number
  /** Folder of the built client; served when it exists. */
  readonly clientDir?: string
  /** Answers /readyz; with no checks when absent. */
  readonly readiness?: Readiness
  /** Serves /metrics and counts WebSocket traffic when present. */
  readonly metrics?: Metrics
  /** A WebSocket sending more messages than this within one second is closed (1008). */
  readonly maxMessagesPerSecond?: number
  /** Proxies in front that append to X-Forwarded-For (TRUST_PROXY); 0 when none. */
  readonly trustedProxies?: number
  /** Session cookies get Secure (COOKIE_SECURE, or PUBLIC_URL on https). */
  readonly secureCookies?: boolean
}

export function createApp(deps: AppDeps): Hono {
  const { rooms, log, clientDir, access: store, sessionSecret: secret } = deps
  const allowedOrigins = deps.allowedOrigins ?? []
  const live = deps.live ?? new LiveAccess(store, log, 2_000)
  const app = new Hono()
  app.get('/api/health', (c) => c.json({ ok: true, loadedBoards: rooms.loadedBoards }))
  app.route(
    '/',
    opsRoutes({ readiness: deps.readiness ?? new Readiness([]), metrics: deps.metrics }),
  )
  const resolve = resolveAccessMiddleware({
    store,
    secret,
    loopbackBind: isLoopbackHost(deps.host ?? '127.0.0.1'),
  })
  app.use('/api/*', resolve)
  app.use('/ws/*', resolve)
  app.use('/api/session', sameOrigin(allowedOrigins))
  app.route(
    '/api/session',
    sessionRoutes({
      store,
      secret,
      sessionMs: deps.sessionMs ?? 30 * 86_400_000,
      throttles: { user: new SignInThrottle(5), address: new SignInThrottle(20) },
      log,
      trustedProxies: deps.trustedProxies,
      secureCookies: deps.secureCookies,
    }),
  )
  app.route('/api/boards', boardRoutes(rooms))
  app.route('/api/boards', stateRoutes(rooms))
  app.route('/api', exportRoutes(rooms))
  app.route('/api/boards', snapshotRoutes(deps.snapshots))
  app.route('/api/boards', importRoutes(deps.snapshots, { maxBytes: deps.maxImportBytes }))
  app.route('/api/boards', auditRoutes(deps.audit))
  app.route(
    '/ws',
    websocketRoutes({
      rooms,
      log,
      live,
      allowedOrigins,
      metrics: deps.metrics,
      maxMessagesPerSecond: deps.maxMessagesPerSecond ?? 200,
    }),
  )
  app.all('/api/*', (c) =>
    errorResponse(c, 404, 'not-found', `no route ${c.req.method} ${c.req.path}`),
  )

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: path.relative(process.cwd(), clientDir) }))
    app.get(
      '*',
      serveStatic({ path: path.relative(process.cwd(), path.join(clientDir, 'index.html')) }),
    )
  }

  app.onError((error, c) => {
    if (error instanceof BoardError)
      return errorResponse(
        c,
        error.code === 'not-found' ? 404 : 400,
        error.code,
        error.message,
        error.path,
      )
    log.error({ err: error, path: c.req.path }, 'request failed')
    return errorResponse(c, 500, 'internal', 'internal server error')
  })
  return app
}
