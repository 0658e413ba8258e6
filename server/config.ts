// Reads the environment once, in one place, into a typed configuration with sane defaults.
import path from 'node:path'
import { z } from 'zod'

const POOL_SIZE_RULE = 'a whole number of connections, at least 1'

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier (letters, digits, _)')
    .default('public'),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: POOL_SIZE_RULE })
    .int(POOL_SIZE_RULE)
    .positive(POOL_SIZE_RULE)
    .default(10),
  REDIS_URL: z.string().optional(),
  REDIS_PREFIX: z.string().default('sector-board:'),
  CATCH_UP_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  MAX_IMPORT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  ROOM_IDLE_MS: z.coerce.number().int().nonnegative().default(30_000),
  COMPACT_EVERY: z.coerce.number().int().positive().default(500),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  CLIENT_DIR: z.string().default('./dist/client'),
  SESSION_SECRET: z.string().min(32, 'needs at least 32 characters').optional(),
  SESSION_DAYS: z.coerce.number().positive().max(365).default(30),
  ACCESS_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  ALLOWED_ORIGINS: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  WS_PING_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(200),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|on|off|\d+)$/i, 'true, false or a number of proxies')
    .default('false'),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
})

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly sqliteFile: string
  readonly databaseUrl: string | undefined
  /** PostgreSQL schema holding every table (created if missing); lets deployments share a db. */
  readonly databaseSchema: string
  /** Most PostgreSQL connections this process opens at once (its pool's size). */
  readonly databasePoolSize: number
  readonly redisUrl: string | undefined
  /** Prefix of every Redis channel, so deployments sharing one Redis never mix. */
  readonly redisPrefix: string
  /** With Redis, how often a loaded board catches up from the database in case a message was lost. */
  readonly catchUpMs: number
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
  readonly maxMessageBytes: number
  /** Largest snapshot file POST /api/boards/<boardId>/import accepts (413 above it). */
  readonly maxImportBytes: number
  readonly roomIdleMs: number
  readonly compactEvery: number
  readonly sqliteSynchronous: 'FULL' | 'NORMAL'
  readonly clientDir: string
  /** Signs session cookies; when unset, one is generated once and kept in the database. */
  readonly sessionSecret: string | undefined
  readonly sessionMs: number
  /** How often live connections are re-checked against the access store. */
  readonly accessPollMs: number
  /** Browser origins allowed besides the server's own (e.g. a proxy's public origin). */
  readonly allowedOrigins: readonly string[]
  /** Base of the links the admin CLI prints; defaults to http://HOST:PORT. */
  readonly publicUrl: string | undefined
  /** How often the server pings each WebSocket; one that missed the previous ping is cut off. */
  readonly wsPingMs: number
  /** A WebSocket sending more messages than this within one second is closed (1008). */
  readonly maxMessagesPerSecond: number
  /** Proxies in front that append to X-Forwarded-For; 0 means the TCP peer is the client. */
  readonly trustedProxies: number
  /** Session cookies carry Secure: COOKIE_SECURE, else whether PUBLIC_URL is https. */
  readonly secureCookies: boolean | undefined
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`bad configuration: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  const e = parsed.data
  // Instances share boards through the database; Redis only tells them sooner.
  if (e.REDIS_URL && !e.DATABASE_URL)
    throw new Error(
      'bad configuration: REDIS_URL: needs DATABASE_URL too (instances share boards in PostgreSQL)',
    )
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    sqliteFile: path.join(e.DATA_DIR, 'sector-board.sqlite'),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    catchUpMs: e.CATCH_UP_MS,
    logLevel: e.LOG_LEVEL,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxImportBytes: e.MAX_IMPORT_BYTES,
    roomIdleMs: e.ROOM_IDLE_MS,
    compactEvery: e.COMPACT_EVERY,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    clientDir: e.CLIENT_DIR,
    sessionSecret: e.SESSION_SECRET,
    sessionMs: e.SESSION_DAYS * 86_400_000,
    accessPollMs: e.ACCESS_POLL_MS,
    allowedOrigins: (e.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    publicUrl: e.PUBLIC_URL,
    wsPingMs: e.WS_PING_MS,
    maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
    trustedProxies: proxyCount(e.TRUST_PROXY),
    secureCookies:
      e.COOKIE_SECURE !== undefined
        ? e.COOKIE_SECURE === 'true'
        : e.PUBLIC_URL?.startsWith('https:') || undefined,
  }
}

function proxyCount(value: string): number {
  const v = value.toLowerCase()
  if (v === 'true' || v === 'on') return 1
  if (v === 'false' || v === 'off') return 0
  return Number(v)
}
