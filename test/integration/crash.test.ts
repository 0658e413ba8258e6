// kill -9 right after clients saw an edit: the edit is there when the server comes back, whether
// boards live in the SQLite file or in PostgreSQL.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { addCard, editCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { joinBoard, type BoardClient } from '../support/clients.js'
import { postgresAvailable, testSchema } from '../support/postgres.js'
import { killHard, startChildServer, tempDataDir, type ChildServer } from '../support/server.js'

const pgSchema = (await postgresAvailable()) ? testSchema() : undefined
afterAll(() => pgSchema?.drop())

/** Where the data lives, and the environment that puts it there. Each run gets a fresh folder. */
const storages: { name: string; env: Record<string, string>; sharedDataDir: boolean }[] = [
  { name: 'SQLite', env: {}, sharedDataDir: true },
  // A fresh data folder for each server: nothing can come from a SQLite file.
  ...(pgSchema ? [{ name: 'PostgreSQL', env: pgSchema.env, sharedDataDir: false }] : []),
]

const open: { clients: BoardClient[]; servers: ChildServer[] } = { clients: [], servers: [] }
afterEach(async () => {
  for (const c of open.clients.splice(0)) c.close()
  for (const s of open.servers.splice(0)) await killHard(s.child)
})

describe.each(storages)('crash safety on $name', ({ env, sharedDataDir }) => {
  it(
    'an edit another client has seen survives SIGKILL of the server',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDataDir()
      const first = await startChildServer(dataDir, env)
      open.servers.push(first)
      const writer = await joinBoard(first.url, 'biomedicine')
      const watcher = await joinBoard(first.url, 'biomedicine')
      open.clients.push(writer, watcher)

      const ids: string[] = []
      for (let i = 0; i < 20; i++)
        ids.push(addCard(writer.doc, { stage: 'engaging', title: `海洋药物 ${i}` }, { actor: 'w' }))
      const target = ids[19] as string
      editCard(writer.doc, target, { notes: 'last words before the crash' }, { actor: 'w' })
      await vi.waitFor(() =>
        expect(readCards(watcher.doc).find((c) => c.id === target)?.notes).toBe(
          'last words before the crash',
        ),
      )
      // The watcher saw it: kill at once, with no chance to flush or compact.
      await killHard(first.child)
      writer.provider.disconnect()
      watcher.provider.disconnect()

      const second = await startChildServer(sharedDataDir ? dataDir : tempDataDir(), env)
      open.servers.push(second)
      const fresh = await joinBoard(second.url, 'biomedicine')
      open.clients.push(fresh)
      const cards = readCards(fresh.doc)
      for (const id of ids) expect(cards.some((c) => c.id === id)).toBe(true)
      expect(cards.find((c) => c.id === target)?.notes).toBe('last words before the crash')
    },
  )
})
