// A fresh PostgreSQL schema per test file, on the real server at 127.0.0.1:5432 (database `test`,
// trust auth; TEST_DATABASE_URL overrides). Unreachable: skipped with a note, but failed under CI.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createPgStorage } from '../../server/storage/postgres/index.js'
import { connectionConfig } from '../../server/storage/postgres/pool.js'
import type { OpenStorage } from './open-storage.js'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test'

async function reachable(): Promise<boolean> {
  const client = new pg.Client({
    ...connectionConfig(TEST_DATABASE_URL),
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** Whether PostgreSQL tests run here: throws under CI=true when they cannot. */
export async function postgresAvailable(): Promise<boolean> {
  if (await reachable()) return true
  const note = `PostgreSQL not reachable at ${TEST_DATABASE_URL}`
  if (process.env.CI === 'true') throw new Error(`${note}; CI needs it`)
  console.warn(`${note}; skipping the PostgreSQL tests`)
  return false
}

export interface TestSchema {
  readonly url: string
  readonly schema: string
  /** The environment a server needs to use this schema. */
  readonly env: { DATABASE_URL: string; DATABASE_SCHEMA: string }
  /** One query in the schema, on a short-lived connection. */
  query(sql: string): Promise<pg.QueryResult>
  drop(): Promise<void>
}

async function once(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client(connectionConfig(TEST_DATABASE_URL))
  await client.connect()
  try {
    const results = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[]
    // A multi-statement text answers with one result per statement: the last is the query's.
    return Array.isArray(results) ? (results.at(-1) as pg.QueryResult) : results
  } finally {
    await client.end()
  }
}

/** A schema name no other test run uses; nothing is created until a store migrates it. */
export function testSchema(): TestSchema {
  const schema = `sb_test_${process.pid}_${randomBytes(4).toString('hex')}`
  return {
    url: TEST_DATABASE_URL,
    schema,
    env: { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema },
    query: (sql) => once(`SET search_path = ${schema}; ${sql}`),
    async drop() {
      await once(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    },
  }
}

/** Opens storages, each on a fresh schema; `dropAll()` (in afterAll) removes every one. */
export function pgStorages(): { open: OpenStorage; dropAll(): Promise<void> } {
  const schemas: TestSchema[] = []
  return {
    async open() {
      const s = testSchema()
      schemas.push(s)
      const reopen = () => createPgStorage({ url: s.url, schema: s.schema })
      return { storage: await reopen(), reopen }
    },
    async dropAll() {
      for (const s of schemas.splice(0)) await s.drop()
    },
  }
}
