// Which parts of a board a transaction touched: card ids, and whether stages, targets or meta
// changed. Used to validate client updates and to refresh only the touched parts of a view.
import type * as Y from 'yjs'
import { cardsOf, metaOf, stagesOf, targetsOf } from './doc.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
type AnyType = Y.AbstractType<any>

export interface Touched {
  readonly cards: Set<string>
  readonly stages: Set<string>
  readonly targets: Set<string>
  meta: boolean
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
  const touched: Touched = { cards: new Set(), stages: new Set(), targets: new Set(), meta: false }
  const addKeys = (into: Set<string>, keys: Set<string | null>) =>
    keys.forEach((k) => k !== null && into.add(k))
  for (const [type, keys] of transaction.changed) {
    if (type === roots.meta) touched.meta = true
    else if (type === roots.cards) addKeys(touched.cards, keys)
    else if (type === roots.stages) addKeys(touched.stages, keys)
    else if (type === roots.targets) addKeys(touched.targets, keys)
    else {
      const card = keyUnder(roots.cards, type)
      if (card !== undefined) touched.cards.add(card)
      const stage = keyUnder(roots.stages, type)
      if (stage !== undefined) touched.stages.add(stage)
    }
  }
  return touched
}
