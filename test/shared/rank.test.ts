import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareRanked, jitter, ranksForInsert, type Ranked } from '../../shared/rank.js'
import { RankSchema } from '../../shared/schema.js'

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
        const { rank, rerank } = ranksForInsert(list, index, () => 0)
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

describe('rank jitter', () => {
  it('keeps a jittered rank valid and strictly between its neighbours', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
        fc.nat(20),
        (randoms, gap) => {
          const lower = 'a0'
          const upper =
            gap === 0
              ? null
              : `a${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[gap]}`
          let i = 0
          const key = jitter(lower + 'V', upper, () => randoms[i++ % 2] as number)
          expect(RankSchema.safeParse(key).success).toBe(true)
          expect(key > lower).toBe(true)
          if (upper) expect(key < upper).toBe(true)
        },
      ),
      { seed: 7 },
    )
  })

  it('makes simultaneous drops at one spot almost always land on different ranks', () => {
    const siblings = [
      { id: 'a', rank: 'a0' },
      { id: 'b', rank: 'a1' },
    ]
    const ranks = new Set(Array.from({ length: 50 }, () => ranksForInsert(siblings, 1).rank))
    expect(ranks.size).toBeGreaterThan(40)
  })
})
