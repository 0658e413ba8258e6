// Composition root: wires configuration, logging, storage, rooms and the HTTP/WebSocket server.
import { randomBytes } from 'node:crypto'
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { WebSocketServer } from 'ws'
import { migrateDoc } from '../shared/migrate.js'
import { isBoardId } from '../shared/sectors.js'
import { seedBoard } from '../shared/seed/index.js'
import { LiveAccess } from './access/live.js'
import { isLoopbackHost } from './access/resolve.js'
import type { AccessStore } from './access/store.js'
import type { Config } from './config.js'
import { createSnapshotService } from './history/snapshots.js'
import type { Fanout } from './fanout/fanout.js'
import { createApp } from './http/app.js'
import { serveUpgrades } from './http/upgrade.js'
import { createLogger, type Logger } from './log.js'
import { startHeartbeat } from './ops/heartbeat.js'
import { measuredFanout } from './ops/measured-fanout.js'
import { measuredStore } from './ops/measured-store.js'
import { createMetrics, type Metrics } from './ops/metrics.js'
import { Readiness, type ReadinessCheck } from './ops/readiness.js'
import { Rooms } from './room/rooms.js'
import { createStorage, type Storage } from './storage/create.js'

export interface RunningServer {
  readonly url: string
  readonly port: number
  readonly rooms: Rooms
  /** Users, grants, share links and sessions (also what the admin CLI changes). */
  readonly access: AccessStore
  /** Live connections by credential; `check()` re-checks them now instead of at the next poll. */
  readonly live: LiveAccess
  /** This instance's Prometheus registry and instruments (also served at /metrics). */
  readonly metrics: Metrics
  /** Flips /readyz to 503 and closes every connection with 1001 after storing every room. */
  close(): Promise<void>
}

export type { ReadinessCheck }

/** What /readyz asks of this instance's dependencies; add one entry per backing service. */
export function readinessChecks(storage: Storage, fanout?: Fanout): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [{ name: 'database', check: () => storage.ping() }]
  if (fanout) checks.push({ name: 'redis', check: () => fanout.ping() })
  return checks
}

export async function startServer(
  config: Config,
  deps: { log?: Logger; storage?: Storage } = {},
): Promise<RunningServer> {
  const log = deps.log ?? createLogger(config.logLevel)
  const storage = deps.storage ?? (await createStorage(config))
  const metrics = createMetrics({ roomsLoaded: () => rooms.loadedBoards.length })
  const fanout = config.redisUrl
    ? measuredFanout(
        // Loaded only when configured: a single instance never pays for the Redis client.
        (await import('./fanout/redis.js')).createRedisFanout({
          url: config.redisUrl,
          prefix: config.redisPrefix,
          log,
        }),
        metrics,
      )
    : undefined
  const readiness = new Readiness(readinessChecks(storage, fanout))
  const store = measuredStore(storage.boards, metrics)
  const rooms = new Rooms({
    store,
    log,
    isKnownBoard: isBoardId,
    seed: (room) => {
      if (isBoardId(room.boardId)) seedBoard(room.doc, room.boardId)
    },
    migrate: (room) => void migrateDoc(room.doc),
    idleMs: config.roomIdleMs,
    compactEvery: config.compactEvery,
    audit: storage.audit,
    fanout,
    catchUpMs: config.catchUpMs,
    onViewerWriteDropped: () => metrics.viewerWritesDropped.inc(),
  })
  // A secret generated once is kept in the database, so restarts keep sessions valid.
  const sessionSecret =
    config.sessionSecret ??
    (await storage.access.secret('session', () => randomBytes(32).toString('base64url')))
  const live = new LiveAccess(storage.access, log, config.accessPollMs)
  live.start()
  const app = createApp({
    rooms,
    log,
    access: storage.access,
    snapshots: createSnapshotService(rooms, storage.snapshots),
    audit: storage.audit,
    sessionSecret,
    live,
    sessionMs: config.sessionMs,
    allowedOrigins: config.allowedOrigins,
    host: config.host,
    clientDir: config.clientDir,
    maxImportBytes: config.maxImportBytes,
    readiness,
    metrics,
    trustedProxies: config.trustedProxies,
    secureCookies: config.secureCookies,
    maxMessagesPerSecond: config.maxMessagesPerSecond,
  })
  // maxPayload: ws closes the connection with 1009 before buffering an oversized frame.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })
  const server = createAdaptorServer({ fetch: app.fetch })
  serveUpgrades(server as HttpServer, app.fetch, wss)
  const stopHeartbeat = startHeartbeat(wss, config.wsPingMs, () =>
    metrics.heartbeatTerminations.inc(),
  )

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  const noUsers = (await storage.access.countUsers()) === 0
  const mode = noUsers ? 'open' : 'accounts'
  const storedIn = config.databaseUrl
    ? { database: 'postgresql', schema: config.databaseSchema }
    : { database: 'sqlite', dataDir: config.dataDir }
  log.info({ url, ...storedIn, fanout: fanout ? 'redis' : 'none', mode }, 'sector board listening')
  if (noUsers && isLoopbackHost(config.host))
    log.warn(
      'open mode: no user exists, so every local caller edits every board; ' +
        'create one with `npm run admin -- user add <name>`',
    )
  else if (noUsers)
    log.warn(
      { host: config.host },
      'no user exists and HOST is not loopback, so nobody has access; ' +
        'create one with `npm run admin -- user add <name>`',
    )

  return {
    url,
    port,
    rooms,
    access: storage.access,
    live,
    metrics,
    async close() {
      readiness.startDraining()
      stopHeartbeat()
      await live.stop()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      await rooms.closeAll()
      for (const client of wss.clients) client.close(1001, 'server shutting down')
      // Clients that do not complete the close handshake in time are cut off.
      const cutOff = setTimeout(() => {
        for (const client of wss.clients) client.terminate()
      }, 2_000)
      wss.close()
      if ('closeAllConnections' in server) server.closeAllConnections()
      await closed
      clearTimeout(cutOff)
      await fanout?.close()
      await storage.close()
    },
  }
}
