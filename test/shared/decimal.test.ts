import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDecimal, parseDecimal, sumDecimals } from '../../shared/decimal.js'
import { DecimalSchema } from '../../shared/schema.js'

describe('investment sums', () => {
  it('adds exactly, with no float error', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3')
    expect(sumDecimals(['1465', '12.5', null, '0.0001'])).toBe('1477.5001')
    expect(sumDecimals([])).toBe('0')
  })

  it('round-trips every valid amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (units) => {
        const text = formatDecimal(units)
        expect(DecimalSchema.safeParse(text).success).toBe(true)
        expect(parseDecimal(text)).toBe(units)
      }),
      { seed: 1465 },
    )
  })

  it('refuses what is not a decimal amount', () => {
    expect(() => parseDecimal('1e3')).toThrow('not a decimal')
    expect(() => parseDecimal('-1')).toThrow('not a decimal')
  })
})
