// The snapshot store contract, run against every implementation: named snapshots come back
// whole, newest first, per board, and survive a reopen.
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { seedBoard } from '../../shared/seed/index.js'
import { toSnapshot, type Snapshot } from '../../shared/snapshot.js'
import type { SnapshotInfo } from '../../server/storage/snapshot-store.js'
import type { Storage } from '../../server/storage/storage.js'
import type { OpenStorage } from '../support/open-storage.js'

function marineSnapshot(): Snapshot {
  const doc = new Y.Doc()
  seedBoard(doc, 'marine')
  return toSnapshot(doc)
}

const info = (id: string, takenAt: string, extra: Partial<SnapshotInfo> = {}): SnapshotInfo => ({
  id,
  boardId: 'marine',
  name: `snapshot ${id}`,
  takenAt,
  takenBy: 'li',
  automatic: false,
  ...extra,
})

export function snapshotContract(name: string, open: OpenStorage): void {
  describe(`${name} snapshot store contract`, () => {
    const opened: Storage[] = []
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close()
    })

    it('gives a saved snapshot back whole, and nothing for unknown ids or other boards', async () => {
      const { storage } = await open()
      opened.push(storage)
      const snapshot = marineSnapshot()
      const saved = info('s1', '2026-03-01T08:00:00.000Z', { name: '季度评审 Q1', automatic: true })
      await storage.snapshots.save(saved, snapshot)
      expect(await storage.snapshots.get('marine', 's1')).toEqual({ info: saved, snapshot })
      expect(await storage.snapshots.get('marine', 'nope')).toBeNull()
      expect(await storage.snapshots.get('software', 's1')).toBeNull()
    })

    it('lists a board’s snapshots newest first, same-instant ones by save order', async () => {
      const { storage } = await open()
      opened.push(storage)
      const snapshot = marineSnapshot()
      await storage.snapshots.save(info('old', '2026-03-01T08:00:00.000Z'), snapshot)
      await storage.snapshots.save(info('new', '2026-03-02T08:00:00.000Z'), snapshot)
      await storage.snapshots.save(info('new2', '2026-03-02T08:00:00.000Z'), snapshot)
      await storage.snapshots.save(info('x', '2026-03-03T08:00:00.000Z', { boardId: 'software' }), {
        ...snapshot,
      })
      expect((await storage.snapshots.list('marine')).map((s) => s.id)).toEqual([
        'new2',
        'new',
        'old',
      ])
      expect(await storage.snapshots.list('biomedicine')).toEqual([])
    })

    it('keeps snapshots across a reopen', async () => {
      const { storage, reopen } = await open()
      await storage.snapshots.save(info('kept', '2026-03-01T08:00:00.000Z'), marineSnapshot())
      await storage.close()
      const again = await reopen()
      opened.push(again)
      expect((await again.snapshots.list('marine')).map((s) => s.id)).toEqual(['kept'])
    })
  })
}
