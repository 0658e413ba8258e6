// Instances and Redis failing under load: a SIGKILLed instance's clients move to the other and
// nothing anyone saw is lost; a Redis restart during edits loses nothing either.
import { afterEach, expect, it, vi } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import type { RunningServer } from '../../server/server.js'
import { joinBoard, type BoardClient } from '../support/clients.js'
import {
  clusterSetup,
  describeCluster,
  reconnectTo,
  type ClusterSetup,
} from '../support/cluster.js'
import { startOwnRedis, type OwnRedis } from '../support/redis.js'
import { killHard, startChildServer, startTestServer, type ChildServer } from '../support/server.js'

const open: {
  clients: BoardClient[]
  servers: RunningServer[]
  children: ChildServer[]
  redis: OwnRedis[]
  setups: ClusterSetup[]
} = { clients: [], servers: [], children: [], redis: [], setups: [] }
afterEach(async () => {
  for (const c of open.clients.splice(0)) c.close()
  for (const s of open.servers.splice(0)) await s.close()
  for (const c of open.children.splice(0)) await killHard(c.child)
  for (const r of open.redis.splice(0)) await r.kill()
  for (const s of open.setups.splice(0)) await s.drop()
})

async function client(url: string, boardId: string): Promise<BoardClient> {
  const joined = await joinBoard(url, boardId)
  open.clients.push(joined)
  return joined
}

function cluster(options?: Parameters<typeof clusterSetup>[0]): ClusterSetup {
  const setup = clusterSetup(options)
  open.setups.push(setup)
  return setup
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const cardIds = (c: BoardClient) => new Set(readCards(c.doc).map((card) => card.id))

describeCluster('instances and Redis failing', () => {
  it(
    'SIGKILL of one instance mid-edit: its clients move to the other and nothing seen is lost',
    { timeout: 60_000 },
    async () => {
      const setup = cluster()
      const a = await startChildServer(setup.dataDir, setup.env)
      const b = await startChildServer(setup.dataDir, setup.env)
      open.children.push(a, b)
      let writer = await client(a.url, 'energy-materials')
      const watcher = await client(b.url, 'energy-materials')

      const made: string[] = []
      let seenBeforeKill = new Set<string>()
      for (let i = 0; i < 40; i++) {
        made.push(
          addCard(writer.doc, { stage: 'engaging', title: `节能新材料 ${i}` }, { actor: 'w' }),
        )
        if (i === 20) {
          await vi.waitFor(() => expect(cardIds(watcher).has(made[10] as string)).toBe(true))
          seenBeforeKill = cardIds(watcher)
          await killHard(a.child)
        }
        await pause(10)
      }
      // Like a load balancer would, the writer's next connection reaches the surviving instance.
      writer = reconnectTo(writer, b.url, 'energy-materials')
      open.clients.push(writer)
      await vi.waitFor(
        () => {
          for (const id of made) expect(cardIds(watcher).has(id)).toBe(true)
        },
        { timeout: 15_000, interval: 50 },
      )

      // Everything is stored: a fresh instance on the same storage serves all of it.
      await killHard(b.child)
      const fresh = await startTestServer(setup.dataDir, setup.env)
      open.servers.push(fresh)
      const reader = await client(fresh.url, 'energy-materials')
      const stored = cardIds(reader)
      for (const id of [...seenBeforeKill, ...made]) expect(stored.has(id)).toBe(true)
    },
  )

  it(
    'Redis restarting during edits: instances keep serving, catch up, and lose nothing',
    { timeout: 60_000 },
    async () => {
      const redis = await startOwnRedis()
      open.redis.push(redis)
      const setup = cluster({ redisUrl: redis.url, catchUpMs: 300 })
      const a = await startTestServer(setup.dataDir, setup.env)
      const b = await startTestServer(setup.dataDir, setup.env)
      open.servers.push(a, b)
      const onA = await client(a.url, 'tech-services')
      const onB = await client(b.url, 'tech-services')
      const made: string[] = []
      const editBoth = async (label: string) => {
        for (let i = 0; i < 10; i++) {
          made.push(
            addCard(onA.doc, { stage: 'engaging', title: `${label} A${i}` }, { actor: 'a' }),
          )
          made.push(
            addCard(onB.doc, { stage: 'engaging', title: `${label} B${i}` }, { actor: 'b' }),
          )
          await pause(10)
        }
      }
      const bothHaveAll = () =>
        vi.waitFor(
          () => {
            for (const c of [onA, onB]) for (const id of made) expect(cardIds(c).has(id)).toBe(true)
          },
          { timeout: 15_000, interval: 50 },
        )

      await editBoth('before')
      await bothHaveAll()
      await redis.kill()
      await editBoth('during')
      // With Redis down, changes still cross: each instance catches up from storage.
      await bothHaveAll()
      await redis.restart()
      await editBoth('after')
      await bothHaveAll()
      expect(readCards(onA.doc)).toEqual(readCards(onB.doc))
    },
  )
})
