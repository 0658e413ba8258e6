// Two instances behind one imaginary load balancer: edits and presence made on either reach
// clients of both, and each update is stored once.
import { Redis } from 'ioredis'
import { expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { addCard, editCard } from '../../shared/ops/cards.js'
import { readCards, readStages } from '../../shared/read.js'
import { seedBoard } from '../../shared/seed/index.js'
import { toSnapshot } from '../../shared/snapshot.js'
import { readConfig } from '../../server/config.js'
import { createStorage } from '../../server/storage/create.js'
import { describeCluster, useCluster } from '../support/cluster.js'
import { scrape, sample } from '../support/metrics.js'
import { TEST_DATABASE_URL } from '../support/postgres.js'
import { testEnv } from '../support/server.js'
import { startTcpProxy } from '../support/tcp-proxy.js'

const { cluster, instance, client, closeAfter } = useCluster()

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describeCluster('two instances with Redis fan-out', () => {
  it('a board first opened on both instances at once is seeded once, the same everywhere', async () => {
    const setup = cluster()
    // Every database round trip takes 100 ms longer, so each instance has read the board as empty
    // before either has stored its seed.
    const pg = new URL(TEST_DATABASE_URL)
    const proxy = closeAfter(
      await startTcpProxy(Number(pg.port || 5432), pg.hostname, { latencyMs: 100 }),
    )
    pg.host = new URL(proxy.url).host
    const slow = { ...setup, env: { ...setup.env, DATABASE_URL: pg.toString() } }
    const [a, b] = [await instance(slow), await instance(slow)]
    // Both find nothing stored and seed; the seed is deterministic and keyed by id, so the two
    // seeds merge into one board rather than two copies.
    const [onA, onB] = await Promise.all([client(a, 'software'), client(b, 'software')])
    const expected = new Y.Doc()
    seedBoard(expected, 'software')
    const titles = (doc: Y.Doc) =>
      readCards(doc).map((card) => `${card.placement.stage} ${card.title}`)
    await vi.waitFor(
      () => {
        for (const doc of [onA.doc, onB.doc]) {
          expect(readStages(doc).map((stage) => stage.name)).toEqual(
            readStages(expected).map((stage) => stage.name),
          )
          expect(titles(doc).sort()).toEqual(titles(expected).sort())
        }
      },
      { timeout: 10_000, interval: 50 },
    )
    // Both did seed: the board holds the seed of each instance's document.
    expect(Y.decodeStateVector(Y.encodeStateVector(onA.doc)).size).toBe(2)
    // Someone arriving later, on either instance, gets that same board from the database.
    const late = await client(b, 'software')
    expect(titles(late.doc).sort()).toEqual(titles(expected).sort())
  })

  it('clients on both converge under concurrent edits, each update stored once', async () => {
    const setup = cluster()
    const [a, b] = [await instance(setup), await instance(setup)]
    const clients = [
      await client(a, 'marine'),
      await client(a, 'marine'),
      await client(b, 'marine'),
      await client(b, 'marine'),
    ]
    const seedCards = readCards(clients[0]!.doc).length
    const shared = readCards(clients[0]!.doc)[0]!.id
    const made: string[] = []
    for (let round = 0; round < 10; round++) {
      for (const [n, c] of clients.entries()) {
        made.push(
          addCard(
            c.doc,
            { stage: 'engaging', title: `海工装备 ${n}-${round}` },
            { actor: `u${n}` },
          ),
        )
        editCard(c.doc, shared, { notes: `第${round}轮 by ${n}` }, { actor: `u${n}` })
      }
      await pause(5)
    }
    await vi.waitFor(
      () => {
        for (const c of clients) expect(readCards(c.doc)).toHaveLength(seedCards + made.length)
        const [first, ...rest] = clients.map((c) => JSON.stringify(toSnapshot(c.doc, 'then')))
        for (const other of rest) expect(other).toBe(first)
      },
      { timeout: 10_000, interval: 50 },
    )
    // Operators see the traffic both ways on each instance.
    for (const server of [a, b]) {
      const samples = await scrape(server.url)
      for (const direction of ['published', 'received'])
        expect(
          sample(samples, 'sector_board_fanout_messages_total', { direction, kind: 'update' }),
        ).toBeGreaterThan(0)
    }
    // Each change is stored once, by the instance that received it: the stored log holds exactly
    // as many Yjs clock units as the converged document (twice as many if both stored them).
    const storage = await createStorage(readConfig(testEnv(setup.dataDir, setup.env)))
    try {
      const stored = await storage.boards.load('marine')
      const storedUnits = stored.updates
        .flatMap((u) => Y.decodeUpdate(u).structs)
        .reduce((sum, struct) => sum + struct.length, 0)
      const docUnits = [
        ...Y.decodeStateVector(Y.encodeStateVector(clients[0]!.doc)).values(),
      ].reduce((sum, clock) => sum + clock, 0)
      expect(stored.state).toBeNull()
      expect(storedUnits).toBe(docUnits)
    } finally {
      await storage.close()
    }
  })

  it('presence crosses instances, and leaves with its client', async () => {
    const setup = cluster()
    const [a, b] = [await instance(setup), await instance(setup)]
    const onA = await client(a, 'software')
    onA.provider.awareness.setLocalStateField('user', { name: '王科长', color: '#c0392b' })
    const seenOnA = await client(a, 'software')
    await vi.waitFor(() => expect(seenOnA.provider.awareness.getStates().size).toBe(2))
    // B loads the board only now; it asks the other instances who is already there.
    const onB = await client(b, 'software')
    await vi.waitFor(() =>
      expect(onB.provider.awareness.getStates().get(onA.doc.clientID)).toMatchObject({
        user: { name: '王科长' },
      }),
    )
    onA.provider.awareness.setLocalStateField('card', 'c-1')
    await vi.waitFor(() =>
      expect(onB.provider.awareness.getStates().get(onA.doc.clientID)).toMatchObject({
        card: 'c-1',
      }),
    )
    onA.close()
    await vi.waitFor(() =>
      expect(onB.provider.awareness.getStates().has(onA.doc.clientID)).toBe(false),
    )
  })

  it('an instance loading a board later sees what the other stored, and edits keep crossing', async () => {
    const setup = cluster()
    const a = await instance(setup)
    const writer = await client(a, 'biomedicine')
    const watcher = await client(a, 'biomedicine')
    const early = addCard(writer.doc, { stage: 'engaging', title: '蓝色药库' }, { actor: 'a' })
    await vi.waitFor(() => expect(readCards(watcher.doc).some((c) => c.id === early)).toBe(true))

    const b = await instance(setup)
    const reader = await client(b, 'biomedicine')
    expect(readCards(reader.doc).some((c) => c.id === early)).toBe(true)
    const late = addCard(reader.doc, { stage: 'engaging', title: '海洋生物医药' }, { actor: 'b' })
    await vi.waitFor(() => expect(readCards(writer.doc).some((c) => c.id === late)).toBe(true))
  })

  it('a malformed message on the channel is dropped and edits keep crossing', async () => {
    const setup = cluster()
    const [a, b] = [await instance(setup), await instance(setup)]
    const onA = await client(a, 'software')
    const onB = await client(b, 'software')
    const intruder = new Redis(setup.env.REDIS_URL as string)
    try {
      await intruder.publish(`${setup.env.REDIS_PREFIX}board:software`, Buffer.from([0, 3, 1]))
      await intruder.publish(`${setup.env.REDIS_PREFIX}board:software`, 'not a message')
    } finally {
      intruder.disconnect()
    }
    const id = addCard(onA.doc, { stage: 'engaging', title: '软件信息' }, { actor: 'a' })
    await vi.waitFor(() => expect(readCards(onB.doc).some((c) => c.id === id)).toBe(true))
  })
})
