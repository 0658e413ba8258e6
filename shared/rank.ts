// Fractional ranks order cards within a stage (and stages within a board). Order is (rank, id),
// so two cards dropped at the same spot by different people get the same rank and still sort
// the same way on every screen.
import { generateKeyBetween } from 'fractional-indexing'

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
): { rank: string; rerank: Ranked[] } {
  const at = Math.max(0, Math.min(index, siblings.length))
  const before = siblings[at - 1]?.rank ?? null
  const after = siblings[at]
  if (!after || before === null || before < after.rank) {
    return { rank: generateKeyBetween(before, after?.rank ?? null), rerank: [] }
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
