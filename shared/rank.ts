// Fractional ranks order cards within a stage (and stages within a board). Order is (rank, id),
// so even two cards given the same rank by different people sort the same way on every screen.
import { generateKeyBetween } from 'fractional-indexing'
import { uint32 } from 'lib0/random'

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * Appends two random digits (never ending in "0", which fractional-indexing forbids), so two
 * people dropping at the same spot at once almost never produce the same rank and nobody's card
 * needs re-ranking. Falls back to the plain key if the suffix would reach `upper`.
 */
export function jitter(key: string, upper: string | null, random: () => number = uint32): string {
  const suffix = `${DIGITS[random() % 62]}${DIGITS[1 + (random() % 61)]}`
  const candidate = key + suffix
  return upper === null || candidate < upper ? candidate : key
}

export interface Ranked {
  readonly id: string
  readonly rank: string
}

export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function rankAfter(last: string | null): string {
  return generateKeyBetween(last, null)
}

/**
 * Ranks for inserting an item at `index` among `siblings` (already sorted, the moving item
 * excluded). When both neighbours share a rank there is no key strictly between them, so the
 * following neighbour is re-ranked too: the result lists every rank to write.
 */
export function ranksForInsert(
  siblings: readonly Ranked[],
  index: number,
  random: () => number = uint32,
): { rank: string; rerank: Ranked[] } {
  const at = Math.max(0, Math.min(index, siblings.length))
  const before = siblings[at - 1]?.rank ?? null
  const after = siblings[at]
  if (!after || before === null || before < after.rank) {
    const upper = after?.rank ?? null
    return { rank: jitter(generateKeyBetween(before, upper), upper, random), rerank: [] }
  }
  // Tie: push every following sibling that shares `before` past the new item, keeping their order.
  const nextDistinct = siblings.slice(at).find((s) => s.rank > before)?.rank ?? null
  const tied = siblings.slice(at).filter((s) => s.rank === before)
  const rank = generateKeyBetween(before, nextDistinct)
  const rerank: Ranked[] = []
  let previous = rank
  for (const sibling of tied) {
    previous = generateKeyBetween(previous, nextDistinct)
    rerank.push({ id: sibling.id, rank: previous })
  }
  return { rank, rerank }
}
