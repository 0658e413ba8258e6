// Creating a board document: identity and schema version. Stages, cards and targets are added
// with their own operations (see seed/ for the initial content).
import type * as Y from 'yjs'
import { metaOf, SCHEMA_VERSION } from '../doc.js'
import type { Origin } from '../origin.js'
import { IdSchema, LocalizedTextSchema, type LocalizedText } from '../schema.js'
import { parseOrThrow } from '../validate.js'

export function initBoard(
  doc: Y.Doc,
  board: { id: string; name: LocalizedText },
  origin: Origin,
): void {
  const id = parseOrThrow(IdSchema, board.id)
  const name = parseOrThrow(LocalizedTextSchema, board.name)
  doc.transact(() => {
    const meta = metaOf(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('boardId', id)
    meta.set('name', name)
  }, origin)
}
