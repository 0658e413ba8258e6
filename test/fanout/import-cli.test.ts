// The import CLI next to several instances (PostgreSQL and Redis): it stores the import and
// publishes it on the board's channel as an instance would, so clients on every instance see it
// at once, without reconnecting; with Redis unreachable it refuses and changes nothing.
import fs from 'node:fs'
import path from 'node:path'
import { expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { seedBoard } from '../../shared/seed/index.js'
import { parseSnapshot, toSnapshot } from '../../shared/snapshot.js'
import { readConfig } from '../../server/config.js'
import { loadBoardDoc } from '../../server/room/load.js'
import { createStorage } from '../../server/storage/create.js'
import { runScript } from '../support/cli.js'
import { describeCluster, useCluster, type ClusterSetup } from '../support/cluster.js'
import { content, edited } from '../support/edit-snapshot.js'
import { freePort } from '../support/redis.js'
import { testEnv } from '../support/server.js'

const { cluster, instance, client } = useCluster()

/** The cluster's storage, as a third process would open it; closed after `use`. */
async function withStorage<T>(
  setup: ClusterSetup,
  use: (storage: Awaited<ReturnType<typeof createStorage>>) => Promise<T>,
): Promise<T> {
  const storage = await createStorage(readConfig(testEnv(setup.dataDir, setup.env)))
  try {
    return await use(storage)
  } finally {
    await storage.close()
  }
}

describeCluster('import CLI with PostgreSQL and Redis', () => {
  it(
    'clients on both instances see the import live; PostgreSQL holds it and the snapshot before it',
    { timeout: 60_000 },
    async () => {
      // Catch-up from storage is off (clusterSetup): only the Redis message can bring the import.
      const setup = cluster()
      const [a, b] = [await instance(setup), await instance(setup)]
      const onA = await client(a, 'marine')
      const onB = await client(b, 'marine')
      const closes: string[] = []
      for (const [name, c] of [['A', onA] as const, ['B', onB] as const])
        c.provider.on('connection-close', () => closes.push(name))
      const original = parseSnapshot(toSnapshot(onA.doc))
      const wanted = edited(original)
      const file = path.join(setup.dataDir, 'marine-edited.json')
      fs.writeFileSync(file, JSON.stringify(wanted))

      // PORT names instance A, which holds the board: with Redis that is no reason to refuse.
      const run = await runScript('import', [file, '--board', 'marine'], {
        ...setup.env,
        DATA_DIR: setup.dataDir,
        PORT: String(a.port),
      })
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toContain('sent live to the 2 server instances holding board marine')

      await vi.waitFor(
        () => {
          for (const c of [onA, onB]) {
            expect(readCards(c.doc).map((card) => card.id)).toContain('cli-added')
            expect(content(toSnapshot(c.doc))).toEqual(content(wanted))
          }
        },
        { timeout: 10_000, interval: 50 },
      )
      expect(closes).toEqual([])

      await withStorage(setup, async (storage) => {
        const { doc } = await loadBoardDoc(storage.boards, 'marine')
        expect(content(toSnapshot(doc))).toEqual(content(wanted))
        const [saved, ...others] = await storage.snapshots.list('marine')
        expect(others).toEqual([])
        expect(saved).toMatchObject({
          name: 'before import of marine-edited.json',
          takenBy: 'cli',
          automatic: true,
        })
        const kept = await storage.snapshots.get('marine', saved!.id)
        expect(content(kept!.snapshot)).toEqual(content(original))
      })

      // Both rooms took the import's number in order: edits keep crossing at once.
      const later = addCard(onB.doc, { stage: 'engaging', title: '导入之后' }, { actor: 'b' })
      await vi.waitFor(() => expect(readCards(onA.doc).map((c) => c.id)).toContain(later), {
        timeout: 10_000,
      })
    },
  )

  it('refuses when Redis does not answer, and changes nothing', { timeout: 60_000 }, async () => {
    const setup = cluster()
    const file = path.join(setup.dataDir, 'marine.json')
    const seeded = new Y.Doc()
    seedBoard(seeded, 'marine')
    fs.writeFileSync(file, JSON.stringify(toSnapshot(seeded)))
    const port = await freePort()
    const run = await runScript('import', [file, '--board', 'marine'], {
      ...setup.env,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      DATA_DIR: setup.dataDir,
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      new RegExp(`cannot reach Redis at 127\\.0\\.0\\.1:${port} .*Nothing was changed`),
    )
    expect(run.stdout).toBe('')
    await withStorage(setup, async (storage) => {
      expect((await storage.boards.load('marine')).lastSeq).toBe(0)
      expect(await storage.snapshots.list('marine')).toEqual([])
    })
    expect(fs.existsSync(path.join(setup.dataDir, 'backups'))).toBe(false)
  })
})
