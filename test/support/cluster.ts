// Several server instances sharing one store and one Redis, as behind a load balancer.
import { afterEach, describe } from 'vitest'
import type { RunningServer } from '../../server/server.js'
import { connectBoard, joinBoard, type BoardClient } from './clients.js'
import { postgresAvailable, testSchema } from './postgres.js'
import { redisAvailable, uniqueRedisPrefix, SHARED_REDIS_URL } from './redis.js'
import { startTestServer, tempDataDir } from './server.js'

export interface ClusterSetup {
  readonly dataDir: string
  /** Environment every instance of this cluster starts with. */
  readonly env: Record<string, string>
  /** Drops the cluster's database schema (afterEach). */
  drop(): Promise<void>
}

// Both checks throw under CI=true when their service does not answer.
const servicesAnswer = (await postgresAvailable()) && redisAvailable()

/** `describe` for tests that need PostgreSQL and Redis: skipped with a note where they are missing. */
export function describeCluster(name: string, body: () => void): void {
  if (servicesAnswer) describe(name, body)
  else describe.skip(name, body)
}

/**
 * A fresh cluster setup. Catch-up from storage is slow unless asked, so a test that sees changes
 * cross instances quickly knows they came over Redis.
 */
export function clusterSetup(
  options: { redisUrl?: string; catchUpMs?: number } = {},
): ClusterSetup {
  const schema = testSchema()
  return {
    dataDir: tempDataDir(),
    env: {
      ...schema.env,
      REDIS_URL: options.redisUrl ?? SHARED_REDIS_URL,
      REDIS_PREFIX: uniqueRedisPrefix(),
      CATCH_UP_MS: String(options.catchUpMs ?? 600_000),
    },
    drop: () => schema.drop(),
  }
}

/**
 * A test file's clusters, instances and clients, all closed after each test (call it at the file's
 * top level): clients first, then instances, then their schemas, then whatever `closeAfter` was
 * given (a proxy the instances' database connections go through, say).
 */
export function useCluster() {
  const clients: BoardClient[] = []
  const servers: RunningServer[] = []
  const setups: ClusterSetup[] = []
  const others: { close(): Promise<void> }[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close()
    for (const s of servers.splice(0)) await s.close()
    for (const s of setups.splice(0)) await s.drop()
    for (const o of others.splice(0)) await o.close()
  })
  return {
    cluster(options?: Parameters<typeof clusterSetup>[0]): ClusterSetup {
      const setup = clusterSetup(options)
      setups.push(setup)
      return setup
    },
    async instance(setup: ClusterSetup): Promise<RunningServer> {
      const server = await startTestServer(setup.dataDir, setup.env)
      servers.push(server)
      return server
    },
    async client(server: RunningServer, boardId: string): Promise<BoardClient> {
      const joined = await joinBoard(server.url, boardId)
      clients.push(joined)
      return joined
    },
    closeAfter<T extends { close(): Promise<void> }>(closeable: T): T {
      others.push(closeable)
      return closeable
    },
  }
}

/** Points a client's document at another instance, as a load balancer would after a failure. */
export function reconnectTo(client: BoardClient, httpUrl: string, boardId: string): BoardClient {
  client.provider.destroy()
  return connectBoard(httpUrl, boardId, { doc: client.doc })
}
