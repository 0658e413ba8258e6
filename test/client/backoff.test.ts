// The reconnect schedule: bounded, growing with each failed attempt, and jittered within range,
// so a restart's dropped clients spread out instead of returning in lockstep.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { backoffCeiling, reconnectDelay } from '../../client/src/board/backoff'

const policy = fc
  .record({
    baseMs: fc.integer({ min: 1, max: 10_000 }),
    extra: fc.integer({ min: 0, max: 600_000 }),
  })
  .map(({ baseMs, extra }) => ({ baseMs, maxMs: baseMs + extra }))
const attempt = fc.integer({ min: 0, max: 10_000 })
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })

describe('reconnect backoff', () => {
  it('never waits less than 0 or more than the cap', () => {
    fc.assert(
      fc.property(policy, attempt, unit, (p, n, r) => {
        const delay = reconnectDelay(n, p, () => r)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThanOrEqual(p.maxMs)
        expect(delay).toBeLessThanOrEqual(backoffCeiling(n, p))
      }),
    )
  })

  it('grows with each attempt, doubling until the cap, then stays there', () => {
    fc.assert(
      fc.property(policy, attempt, (p, n) => {
        const now = backoffCeiling(n, p)
        const next = backoffCeiling(n + 1, p)
        expect(next).toBeGreaterThanOrEqual(now)
        expect(next).toBe(Math.min(p.maxMs, now * 2))
      }),
    )
    expect(backoffCeiling(0, { baseMs: 1_000, maxMs: 30_000 })).toBe(1_000)
    expect(backoffCeiling(3, { baseMs: 1_000, maxMs: 30_000 })).toBe(8_000)
    expect(backoffCeiling(50, { baseMs: 1_000, maxMs: 30_000 })).toBe(30_000)
  })

  it('spreads delays over the whole range (full jitter)', () => {
    fc.assert(
      fc.property(policy, attempt, unit, unit, (p, n, r1, r2) => {
        const ceiling = backoffCeiling(n, p)
        const [a, b] = [reconnectDelay(n, p, () => r1), reconnectDelay(n, p, () => r2)]
        // Proportional to the random draw: different draws give different waits, in order.
        expect(Math.abs(a - r1 * ceiling)).toBeLessThanOrEqual(0.5)
        if (r1 < r2) expect(a).toBeLessThanOrEqual(b)
      }),
    )
    // With the real random source, 200 clients at the same attempt do not share one wait.
    const waits = new Set(
      Array.from({ length: 200 }, () => reconnectDelay(4, { baseMs: 1_000, maxMs: 30_000 })),
    )
    expect(waits.size).toBeGreaterThan(150)
  })
})
