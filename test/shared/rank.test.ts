import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareRanked, ranksForInsert, type Ranked } from '../../shared/rank.js'

describe('ranks', () => {
  it('an item inserted at index i sorts at index i, even among tied ranks', () => {
    // Siblings with deliberately few distinct ranks, so ties are common.
    const siblings = fc
      .array(fc.tuple(fc.constantFrom('a0', 'a1', 'a2', 'a3'), fc.stringMatching(/^[a-z]{1,3}$/)), {
        maxLength: 12,
      })
      .map((pairs) => {
        const unique = new Map(pairs.map(([rank, id]) => [id, { id, rank }]))
        return [...unique.values()].sort(compareRanked)
      })
    fc.assert(
      fc.property(siblings, fc.nat(12), (list, index) => {
        const { rank, rerank } = ranksForInsert(list, index)
        const moved = new Map(rerank.map((r) => [r.id, r.rank]))
        const after: Ranked[] = list.map((s) => ({ id: s.id, rank: moved.get(s.id) ?? s.rank }))
        after.push({ id: 'NEW', rank })
        after.sort(compareRanked)
        const expected = list.map((s) => s.id)
        expected.splice(Math.min(index, list.length), 0, 'NEW')
        expect(after.map((s) => s.id)).toEqual(expected)
      }),
      { seed: 2016, numRuns: 300 },
    )
  })
})
