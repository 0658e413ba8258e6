// Which cards a local filter shows. Filtering is a view concern: it never changes the board.
import type { Card } from '../../../shared/schema.js'
import type { CardFilter } from './context'

export const EMPTY_FILTER: CardFilter = { text: '', officer: '', risk: '', tag: '', changedBy: '' }

export function isFiltering(filter: CardFilter): boolean {
  return Object.values(filter).some((v) => v !== '')
}

export function matchesFilter(
  card: Card,
  filter: CardFilter,
  changedCards: ReadonlySet<string> | null = null,
): boolean {
  if (changedCards && !changedCards.has(card.id)) return false
  const text = filter.text.trim().toLowerCase()
  if (
    text &&
    ![card.title, card.company, card.notes, card.officer].some((v) =>
      v.toLowerCase().includes(text),
    )
  )
    return false
  if (filter.officer && card.officer !== filter.officer) return false
  if (filter.risk && card.risk !== filter.risk) return false
  if (filter.tag && !card.tags.includes(filter.tag)) return false
  return true
}
