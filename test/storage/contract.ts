// The storage contract: every BoardStore implementation runs these same tests (see sqlite.test.ts).
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { BoardStore } from '../../server/storage/store.js'

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | undefined
  const capture = (u: Uint8Array) => (captured = u)
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', capture)
  if (!captured) throw new Error('no update')
  return captured
}

function replay(stored: { state: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc()
  if (stored.state) Y.applyUpdate(doc, stored.state)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc.getText('t').toString()
}

export function storeContract(
  name: string,
  open: () => Promise<{ store: BoardStore; reopen: () => Promise<BoardStore> }>,
): void {
  describe(`${name} store contract`, () => {
    it('loads nothing for a board never written', async () => {
      const { store } = await open()
      expect(await store.load('software')).toEqual({
        state: null,
        updates: [],
        throughSeq: 0,
        lastSeq: 0,
      })
      await store.close()
    })

    it('returns appended updates in order, with increasing sequence numbers', async () => {
      const { store } = await open()
      const doc = new Y.Doc()
      const seqs = [
        await store.append('software', textUpdate(doc, 'a')),
        await store.append('software', textUpdate(doc, 'b')),
        await store.append('software', textUpdate(doc, 'c')),
      ]
      expect(seqs[1]).toBeGreaterThan(seqs[0] as number)
      expect(seqs[2]).toBeGreaterThan(seqs[1] as number)
      const loaded = await store.load('software')
      expect(loaded.updates).toHaveLength(3)
      expect(loaded.lastSeq).toBe(seqs[2])
      expect(replay(loaded)).toBe('abc')
      await store.close()
    })

    it('keeps boards apart', async () => {
      const { store } = await open()
      await store.append('software', textUpdate(new Y.Doc(), 'soft'))
      await store.append('marine', textUpdate(new Y.Doc(), 'sea'))
      expect(replay(await store.load('software'))).toBe('soft')
      expect(replay(await store.load('marine'))).toBe('sea')
      await store.close()
    })

    it('compaction replaces the log it covers and keeps later updates', async () => {
      const { store } = await open()
      const doc = new Y.Doc()
      await store.append('software', textUpdate(doc, 'a'))
      const through = await store.append('software', textUpdate(doc, 'b'))
      const state = Y.encodeStateAsUpdate(doc)
      await store.append('software', textUpdate(doc, 'c'))
      await store.compact('software', state, through)
      const loaded = await store.load('software')
      expect(loaded.state).not.toBeNull()
      expect(loaded.throughSeq).toBe(through)
      expect(loaded.updates).toHaveLength(1)
      expect(replay(loaded)).toBe('abc')
      await store.close()
    })

    it('an older compaction never overwrites a newer one', async () => {
      const { store } = await open()
      const doc = new Y.Doc()
      const first = await store.append('software', textUpdate(doc, 'a'))
      const oldState = Y.encodeStateAsUpdate(doc)
      const second = await store.append('software', textUpdate(doc, 'b'))
      await store.compact('software', Y.encodeStateAsUpdate(doc), second)
      await store.compact('software', oldState, first)
      expect(replay(await store.load('software'))).toBe('ab')
      await store.close()
    })

    it('since: hands over only what was stored after a given sequence number', async () => {
      const { store } = await open()
      const doc = new Y.Doc()
      const first = await store.append('software', textUpdate(doc, 'a'))
      const second = await store.append('software', textUpdate(doc, 'b'))
      await store.append('marine', textUpdate(new Y.Doc(), 'sea'))
      const caughtUp = await store.since('software', first)
      expect(caughtUp.state).toBeNull()
      expect(caughtUp.updates).toHaveLength(1)
      expect(caughtUp.lastSeq).toBe(second)
      const nothingNew = await store.since('software', second)
      expect(nothingNew).toMatchObject({ state: null, updates: [], lastSeq: second })
      await store.close()
    })

    it('since: includes the compacted state when the log needed was compacted away', async () => {
      const { store } = await open()
      const doc = new Y.Doc()
      const first = await store.append('software', textUpdate(doc, 'a'))
      const second = await store.append('software', textUpdate(doc, 'b'))
      await store.compact('software', Y.encodeStateAsUpdate(doc), second)
      const third = await store.append('software', textUpdate(doc, 'c'))
      const behind = await store.since('software', first)
      expect(behind.state).not.toBeNull()
      expect(behind.lastSeq).toBe(third)
      expect(replay(behind)).toBe('abc')
      const current = await store.since('software', second)
      expect(current.state).toBeNull()
      expect(current.updates).toHaveLength(1)
      await store.close()
    })

    it('everything appended is there after reopening', async () => {
      const { store, reopen } = await open()
      const doc = new Y.Doc()
      await store.append('software', textUpdate(doc, 'kept'))
      await store.close()
      const again = await reopen()
      expect(replay(await again.load('software'))).toBe('kept')
      await again.close()
    })
  })
}
