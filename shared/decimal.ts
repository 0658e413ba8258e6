// Exact sums of investment amounts (decimal strings in 亿元, at most 4 decimals): summed as
// integer ten-thousandths, so 0.1 + 0.2 is 0.3, never 0.30000000000000004.
const SCALE = 10_000n

export function parseDecimal(value: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(value)
  if (!match) throw new Error(`not a decimal: ${value}`)
  const [, whole = '0', fraction = ''] = match
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(4, '0'))
}

export function formatDecimal(units: bigint): string {
  const whole = units / SCALE
  const fraction = (units % SCALE).toString().padStart(4, '0').replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : `${whole}`
}

/** Sum of the given amounts; null entries (no figure given) are skipped. */
export function sumDecimals(values: readonly (string | null)[]): string {
  return formatDecimal(values.reduce((sum, v) => (v === null ? sum : sum + parseDecimal(v)), 0n))
}
