// The audit store contract, run against every implementation: entries come back newest first,
// with their values intact, filtered by card, actor and time, and capped.
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../server/history/audit-store.js'
import type { Storage } from '../../server/storage/storage.js'
import type { OpenStorage } from '../support/open-storage.js'

const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  boardId: 'marine',
  cardId: `c${n % 3}`,
  field: 'title',
  before: `title ${n - 1}`,
  after: `title ${n}`,
  actor: n % 2 === 0 ? 'li' : 'wang',
  at: new Date(Date.UTC(2026, 2, 1, 8, n)).toISOString(),
  ...extra,
})

export function auditContract(name: string, open: OpenStorage): void {
  describe(`${name} audit store contract`, () => {
    const opened: Storage[] = []
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close()
    })
    const fresh = async () => {
      const { storage } = await open()
      opened.push(storage)
      return storage.audit
    }

    it('returns entries newest first, values intact, one board at a time', async () => {
      const audit = await fresh()
      const placement = { stage: 'signed', rank: 'a0' }
      await audit.append([entry(1), entry(2, { field: 'stage', before: null, after: placement })])
      await audit.append([entry(3, { boardId: 'software' })])
      await audit.append([])
      expect(await audit.query('marine', {})).toEqual([
        entry(2, { field: 'stage', before: null, after: placement }),
        entry(1),
      ])
      expect(await audit.query('biomedicine', {})).toEqual([])
    })

    it('filters by card, actor and time, and caps the count', async () => {
      const audit = await fresh()
      await audit.append(Array.from({ length: 12 }, (_, i) => entry(i + 1)))
      const ids = (list: AuditEntry[]) => list.map((e) => e.after)
      expect(ids(await audit.query('marine', { cardId: 'c1' }))).toEqual([
        'title 10',
        'title 7',
        'title 4',
        'title 1',
      ])
      expect(ids(await audit.query('marine', { actor: 'li', cardId: 'c1' }))).toEqual([
        'title 10',
        'title 4',
      ])
      const since = entry(10).at
      expect(ids(await audit.query('marine', { since }))).toEqual([
        'title 12',
        'title 11',
        'title 10',
      ])
      expect(ids(await audit.query('marine', { limit: 2 }))).toEqual(['title 12', 'title 11'])
    })
  })
}
