// A room may compact only through updates it holds with none missing below: whatever order the
// stored updates of several instances arrive in, the contiguous mark is never ahead of them.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppliedSeqs } from '../../server/room/applied-seqs.js'

describe('AppliedSeqs', () => {
  it('in any arrival order, covers exactly the updates below the first missing one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.shuffledSubarray(
          Array.from({ length: 60 }, (_, i) => i + 1),
          { minLength: 0 },
        ),
        (loaded, arrived) => {
          const seqs = new AppliedSeqs(loaded)
          for (const seq of arrived) seqs.add(seq)
          const present = new Set(arrived)
          let expected = loaded
          while (present.has(expected + 1)) expected++
          expect(seqs.contiguousThrough).toBe(expected)
          expect(seqs.hasGap).toBe(arrived.some((seq) => seq > expected + 1))
        },
      ),
    )
  })

  it('catching up through a number fills the gap and absorbs what arrived above it', () => {
    const seqs = new AppliedSeqs(3)
    seqs.add(6)
    seqs.add(8)
    expect(seqs).toMatchObject({ contiguousThrough: 3, hasGap: true })
    seqs.addThrough(6)
    expect(seqs).toMatchObject({ contiguousThrough: 6, hasGap: true })
    seqs.add(7)
    expect(seqs).toMatchObject({ contiguousThrough: 8, hasGap: false })
  })
})
