// Which parts of a board a transaction touched: card ids, and whether stages, targets or meta
// changed. Used to validate client updates and to refresh only the touched parts of a view.
import type * as Y from 'yjs'
import { cardsOf, metaOf, stagesOf, targetsOf } from './doc.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
type AnyType = Y.AbstractType<any>

export interface Touched {
  /** Every card changed in any way. */
  readonly cards: Set<string>
  /** Cards added, replaced or removed as a whole (set or deleted in the board's card map). */
  readonly wholeCards: Set<string>
  /** For a card changed inside, and not as a whole: the fields whose value or content changed. */
  readonly cardFields: Map<string, Set<string>>
  readonly stages: Set<string>
  readonly targets: Set<string>
  meta: boolean
}

/**
 * For a type inside a card: the card's id and the card field whose value holds it (`notes` for
 * the notes text, `milestones` for a milestone's map inside that list). Undefined for a type
 * outside every card, and for a card's own map (whose changed keys are the fields).
 */
function cardFieldOf(cards: AnyType, type: AnyType): { card: string; field: string } | undefined {
  // The ancestor of `type` (or `type` itself) that sits directly in the card's map.
  let inCard: AnyType | null = null
  let current: AnyType = type
  while (current._item) {
    const parent = current._item.parent as AnyType
    if (parent === cards) {
      const field = inCard?._item?.parentSub
      const card = current._item.parentSub
      return field == null || card == null ? undefined : { card, field }
    }
    inCard = current
    current = parent
  }
  return undefined
}

/** The key under `root` whose subtree contains `type`, or undefined if `type` is not inside it. */
function keyUnder(root: AnyType, type: AnyType): string | undefined {
  let current: AnyType | null = type
  while (current && current._item) {
    const parent = current._item.parent as AnyType
    if (parent === root) return current._item.parentSub ?? undefined
    current = parent
  }
  return undefined
}

export function touchedBy(doc: Y.Doc, transaction: Y.Transaction): Touched {
  const roots = {
    cards: cardsOf(doc) as AnyType,
    stages: stagesOf(doc) as AnyType,
    targets: targetsOf(doc) as AnyType,
    meta: metaOf(doc) as AnyType,
  }
  const touched: Touched = {
    cards: new Set(),
    wholeCards: new Set(),
    cardFields: new Map(),
    stages: new Set(),
    targets: new Set(),
    meta: false,
  }
  const addKeys = (into: Set<string>, keys: Set<string | null>) =>
    keys.forEach((k) => k !== null && into.add(k))
  const fieldsOf = (card: string): Set<string> => {
    let fields = touched.cardFields.get(card)
    if (!fields) touched.cardFields.set(card, (fields = new Set()))
    return fields
  }
  for (const [type, keys] of transaction.changed) {
    if (type === roots.meta) touched.meta = true
    else if (type === roots.cards) {
      addKeys(touched.cards, keys)
      addKeys(touched.wholeCards, keys)
    } else if (type === roots.stages) addKeys(touched.stages, keys)
    else if (type === roots.targets) addKeys(touched.targets, keys)
    else if (type._item?.parent === roots.cards) {
      // A card's own map: the keys are its fields.
      const card = type._item.parentSub
      if (card != null) {
        touched.cards.add(card)
        addKeys(fieldsOf(card), keys)
      }
    } else {
      const inCard = cardFieldOf(roots.cards, type)
      if (inCard) {
        touched.cards.add(inCard.card)
        fieldsOf(inCard.card).add(inCard.field)
      }
      const stage = keyUnder(roots.stages, type)
      if (stage !== undefined) touched.stages.add(stage)
    }
  }
  for (const card of touched.wholeCards) touched.cardFields.delete(card)
  return touched
}
