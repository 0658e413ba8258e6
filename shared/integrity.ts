// Checks that a transaction left the board well-formed: every card, stage and target it touched
// still matches its schema, and the board's identity (meta) was not changed. The server runs this
// on each client update before storing or relaying it. A card changed inside (a typed word, a
// moved card) was well-formed before, so only the fields that changed are checked against their
// schemas; a card added or replaced is checked whole.
import * as Y from 'yjs'
import type { Touched } from './changes.js'
import { cardsOf, stagesOf, targetsOf, type CardMap } from './doc.js'
import { readCard } from './read.js'
import { CardSchema, StageSchema, TargetSchema, type Card } from './schema.js'

const CARD_FIELD_SCHEMAS: Readonly<
  Record<string, { safeParse(value: unknown): { success: boolean } }>
> = CardSchema.shape

/**
 * Whether a card is well-formed, checking only `fields` when given. Reading the card checks every
 * field's shared type (text, list) whatever changed.
 */
function isWellFormed(id: string, card: CardMap, fields: ReadonlySet<string> | undefined): boolean {
  let value: Card
  try {
    value = readCard(id, card)
  } catch {
    return false
  }
  if (!fields) return CardSchema.safeParse(value).success
  for (const field of fields) {
    const schema = Object.hasOwn(CARD_FIELD_SCHEMAS, field) ? CARD_FIELD_SCHEMAS[field] : undefined
    // Keys outside the schema are never read, so they cannot make a card malformed.
    if (schema && !schema.safeParse(value[field as keyof Card]).success) return false
  }
  return true
}

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
    const fields = touched.wholeCards.has(id) ? undefined : touched.cardFields.get(id)
    if (!isWellFormed(id, card, fields)) return `card ${id} is malformed`
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
