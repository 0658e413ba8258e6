// Several server instances sharing one store and one Redis, as behind a load balancer.
import { describe } from 'vitest'
import { connectBoard, type BoardClient } from './clients.js'
import { postgresAvailable, testSchema } from './postgres.js'
import { redisAvailable, uniqueRedisPrefix, SHARED_REDIS_URL } from './redis.js'
import { tempDataDir } from './server.js'

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

/** Points a client's document at another instance, as a load balancer would after a failure. */
export function reconnectTo(client: BoardClient, httpUrl: string, boardId: string): BoardClient {
  client.provider.destroy()
  return connectBoard(httpUrl, boardId, { doc: client.doc })
}
