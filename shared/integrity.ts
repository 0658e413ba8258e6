// Checks that a transaction left the board well-formed: every card, stage and target it touched
// still matches its schema, and the board's identity (meta) was not changed. The server runs this
// on each client update before storing or relaying it.
import * as Y from 'yjs'
import type { Touched } from './changes.js'
import { cardsOf, stagesOf, targetsOf } from './doc.js'
import { readCard } from './read.js'
import { CardSchema, StageSchema, TargetSchema } from './schema.js'

/** Returns why a transaction that `touched` these parts is not acceptable from a client, or null. */
export function findViolation(doc: Y.Doc, touched: Touched): string | null {
  if (touched.meta) return 'board identity is read-only'
  for (const id of touched.targets) {
    const value = targetsOf(doc).get(id)
    if (value !== undefined && !TargetSchema.safeParse(value).success) return `invalid target ${id}`
  }
  for (const id of touched.cards) {
    const card = cardsOf(doc).get(id)
    if (card === undefined) continue
    if (!(card instanceof Y.Map)) return `card ${id} is not a card`
    try {
      if (!CardSchema.safeParse(readCard(id, card)).success) return `card ${id} is malformed`
    } catch {
      return `card ${id} is malformed`
    }
  }
  for (const id of touched.stages) {
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
