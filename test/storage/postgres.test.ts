// The PostgreSQL store: the shared contract, plus what several instances on one database need:
// consecutive sequence numbers under concurrent appends, racing compactions, racing migrations.
import * as Y from 'yjs'
import { afterAll, describe, expect, it } from 'vitest'
import { migrate } from '../../server/storage/postgres/migrations.js'
import { createPgPool } from '../../server/storage/postgres/pool.js'
import { createPgStorage } from '../../server/storage/postgres/index.js'
import type { Storage } from '../../server/storage/storage.js'
import type { BoardStore } from '../../server/storage/store.js'
import { pgStorages, postgresAvailable, testSchema, type TestSchema } from '../support/postgres.js'
import { auditContract } from './audit-contract.js'
import { storeContract } from './contract.js'
import { snapshotContract } from './snapshot-contract.js'

const up = await postgresAvailable()
const schemas: TestSchema[] = []
const pg = pgStorages()
afterAll(async () => {
  for (const s of schemas.splice(0)) await s.drop()
  await pg.dropAll()
})

function freshSchema(): TestSchema {
  const s = testSchema()
  schemas.push(s)
  return s
}

const storage = (s: TestSchema) => createPgStorage({ url: s.url, schema: s.schema })

/** The board store, closing its pool when closed (as the contract expects of a store). */
async function boardStore(s: TestSchema): Promise<{ store: BoardStore; storage: Storage }> {
  const opened = await storage(s)
  return { storage: opened, store: { ...opened.boards, close: () => opened.close() } }
}

function text(doc: Y.Doc, insert: string): Uint8Array {
  let captured: Uint8Array | undefined
  const capture = (u: Uint8Array) => (captured = u)
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, insert)
  doc.off('update', capture)
  return captured as Uint8Array
}

function replay(stored: { state: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc()
  if (stored.state) Y.applyUpdate(doc, stored.state)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc
}

describe.skipIf(!up)('PostgreSQL', () => {
  storeContract('PostgreSQL', async () => {
    const s = freshSchema()
    return {
      store: (await boardStore(s)).store,
      reopen: async () => (await boardStore(s)).store,
    }
  })
  snapshotContract('PostgreSQL', pg.open)
  auditContract('PostgreSQL', pg.open)

  it('two instances appending to one board at once get consecutive seqs, all replayable', async () => {
    const s = freshSchema()
    const [a, b] = [await boardStore(s), await boardStore(s)]
    // Each instance has its own writer document; both write to the same board.
    const docs = [new Y.Doc(), new Y.Doc()]
    const perInstance = 40
    const appends = [a, b].flatMap(({ store }, i) =>
      Array.from({ length: perInstance }, (_, n) =>
        store.append('marine', text(docs[i] as Y.Doc, `${'ab'[i]}${n};`)),
      ),
    )
    const seqs = (await Promise.all(appends)).sort((x, y) => x - y)
    expect(seqs).toEqual(Array.from({ length: 2 * perInstance }, (_, i) => i + 1))

    const loaded = await a.store.load('marine')
    expect(loaded.lastSeq).toBe(2 * perInstance)
    const merged = replay(loaded).getText('t').toString()
    for (let n = 0; n < perInstance; n++) {
      expect(merged).toContain(`a${n};`)
      expect(merged).toContain(`b${n};`)
    }
    // Another board counts from 1 on its own.
    expect(await b.store.append('software', text(new Y.Doc(), 'x'))).toBe(1)
    await a.store.close()
    await b.store.close()
  })

  it('racing compactions from two instances keep the newest and every later update', async () => {
    const s = freshSchema()
    const [a, b] = [await boardStore(s), await boardStore(s)]
    const doc = new Y.Doc()
    const states: { state: Uint8Array; through: number }[] = []
    for (let i = 0; i < 10; i++) {
      const through = await a.store.append('marine', text(doc, `${i}`))
      states.push({ state: Y.encodeStateAsUpdate(doc), through })
    }
    const tail = await a.store.append('marine', text(doc, '!'))
    const old = states[3] as { state: Uint8Array; through: number }
    const newest = states[8] as { state: Uint8Array; through: number }
    await Promise.all([
      a.store.compact('marine', newest.state, newest.through),
      b.store.compact('marine', old.state, old.through),
      b.store.compact('marine', newest.state, newest.through),
      a.store.compact('marine', old.state, old.through),
    ])
    const loaded = await b.store.load('marine')
    expect(loaded.throughSeq).toBe(newest.through)
    expect(loaded.lastSeq).toBe(tail)
    expect(loaded.updates).toHaveLength(tail - newest.through)
    expect(replay(loaded).getText('t').toString()).toBe('0123456789!')
    await a.store.close()
    await b.store.close()
  })

  it('migrations run by several instances at once apply once, and again change nothing', async () => {
    const s = freshSchema()
    const pools = [0, 1, 2].map(() => createPgPool({ url: s.url, schema: s.schema, max: 2 }))
    try {
      const applied = await Promise.all(pools.map((p) => migrate(p, s.schema)))
      expect(applied.flat()).toEqual([1])
      expect(await migrate(pools[0] as ReturnType<typeof createPgPool>, s.schema)).toEqual([])
      const { rows } = await (pools[0] as ReturnType<typeof createPgPool>).query(
        'SELECT version FROM schema_migrations',
      )
      expect(rows).toEqual([{ version: 1 }])
    } finally {
      await Promise.all(pools.map((p) => p.end()))
    }
  })

  it('ping answers while open, and the store refuses work once closed', async () => {
    const opened = await storage(freshSchema())
    await expect(opened.ping()).resolves.toBeUndefined()
    await opened.close()
    await expect(opened.ping()).rejects.toThrow()
  })
})
