// DATABASE_POOL_SIZE on the real PostgreSQL: the storage a server opens from its configuration
// never holds more connections than that. Appends wait on the board table another session locks,
// so every connection the pool opens shows up in PostgreSQL as one waiting on that session.
import pg from 'pg'
import { afterAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { readConfig } from '../../server/config.js'
import { createStorage } from '../../server/storage/create.js'
import { connectionConfig } from '../../server/storage/postgres/pool.js'
import { postgresAvailable, testSchema, type TestSchema } from '../support/postgres.js'

const up = await postgresAvailable()
const schemas: TestSchema[] = []
afterAll(async () => {
  for (const s of schemas.splice(0)) await s.drop()
})

const APPENDS = 5

function someUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'x')
  return Y.encodeStateAsUpdate(doc)
}

/** How many connections are waiting at once for APPENDS appends to one locked board. */
async function connectionsWaiting(poolSize: string | undefined): Promise<number> {
  const s = testSchema()
  schemas.push(s)
  const env = poolSize === undefined ? s.env : { ...s.env, DATABASE_POOL_SIZE: poolSize }
  const storage = await createStorage(readConfig(env))
  const locker = new pg.Client(connectionConfig(s.url))
  await locker.connect()
  try {
    await locker.query('BEGIN')
    await locker.query(`LOCK TABLE ${s.schema}.board IN EXCLUSIVE MODE`)
    const lockerPid = (await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
      .rows[0]!.pid
    const waiting = async () =>
      Number(
        (
          await s.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE ${lockerPid} = ANY(pg_blocking_pids(pid))`,
          )
        ).rows[0].n,
      )
    const appends = Array.from({ length: APPENDS }, () =>
      storage.boards.append('marine', someUpdate()),
    )
    await vi.waitFor(async () => expect(await waiting()).toBeGreaterThanOrEqual(2), {
      timeout: 5_000,
    })
    // A pool with room left opens its connections side by side; give the rest ample time to.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const most = await waiting()
    await locker.query('COMMIT')
    // Nothing was lost while they waited: every append is stored, numbered 1 to APPENDS.
    expect((await Promise.all(appends)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5])
    return most
  } finally {
    await locker.end()
    await storage.close()
  }
}

describe.skipIf(!up)('DATABASE_POOL_SIZE on PostgreSQL', () => {
  it('caps the connections a server opens: all appends wait at once by default, 2 with 2', async () => {
    expect(await connectionsWaiting(undefined)).toBe(APPENDS)
    expect(await connectionsWaiting('2')).toBe(2)
  })
})
