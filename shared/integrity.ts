// Checks that a transaction left the board well-formed: every card, stage and target it touched
// still matches its schema, and the board's identity (meta) was not changed. The server runs this
// on each client update before storing or relaying it.
import * as Y from 'yjs'
import { cardsOf, metaOf, stagesOf, targetsOf } from './doc.js'
import { readCard } from './read.js'
import { CardSchema, StageSchema, TargetSchema } from './schema.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
type AnyType = Y.AbstractType<any>

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

/** Returns why the transaction is not acceptable from a client, or null if it is. */
export function findViolation(doc: Y.Doc, transaction: Y.Transaction): string | null {
  const cards = cardsOf(doc) as AnyType
  const stages = stagesOf(doc) as AnyType
  const targets = targetsOf(doc) as AnyType
  const touchedCards = new Set<string>()
  const touchedStages = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    if (type === (metaOf(doc) as AnyType)) return 'board identity is read-only'
    if (type === cards) keys.forEach((k) => k !== null && touchedCards.add(k))
    else if (type === stages) keys.forEach((k) => k !== null && touchedStages.add(k))
    else if (type === targets) {
      for (const key of keys) {
        const value = key === null ? undefined : targetsOf(doc).get(key)
        if (value !== undefined && !TargetSchema.safeParse(value).success)
          return `invalid target ${key}`
      }
    } else {
      const card = keyUnder(cards, type)
      if (card !== undefined) touchedCards.add(card)
      const stage = keyUnder(stages, type)
      if (stage !== undefined) touchedStages.add(stage)
    }
  }
  for (const id of touchedCards) {
    const card = cardsOf(doc).get(id)
    if (card === undefined) continue
    if (!(card instanceof Y.Map)) return `card ${id} is not a card`
    try {
      if (!CardSchema.safeParse(readCard(id, card)).success) return `card ${id} is malformed`
    } catch {
      return `card ${id} is malformed`
    }
  }
  for (const id of touchedStages) {
    const stage = stagesOf(doc).get(id)
    if (stage === undefined) continue
    const value =
      stage instanceof Y.Map
        ? { id, name: stage.get('name'), rank: stage.get('rank'), wipLimit: stage.get('wipLimit') }
        : undefined
    if (!StageSchema.safeParse(value).success) return `stage ${id} is malformed`
  }
  return null
}
