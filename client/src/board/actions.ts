// What a person can do on a board, as intents: each calls one shared/ operation with this
// browser's identity and its own undo-tracked origin.
import type * as Y from 'yjs'
import {
  addCard,
  archiveCard,
  editCard,
  moveCard,
  restoreCard,
  type CardPatch,
  type NewCard,
} from '../../../shared/ops/cards.js'
import {
  addStage,
  moveStage,
  removeStage,
  renameStage,
  setWipLimit,
} from '../../../shared/ops/stages.js'
import type { OpContext, Origin } from '../../../shared/origin.js'
import type { LocalizedText } from '../../../shared/schema.js'

export interface BoardActions {
  addCard(input: NewCard): string
  editCard(id: string, patch: CardPatch): void
  moveCard(id: string, stage: string, index: number): void
  archiveCard(id: string): void
  restoreCard(id: string): void
  addStage(name: LocalizedText): string
  renameStage(id: string, name: LocalizedText): void
  moveStage(id: string, index: number): void
  setWipLimit(id: string, limit: number | null): void
  removeStage(id: string): void
}

/**
 * `beforeChange` runs just before each operation: a page showing the server's JSON view first
 * puts the live board into `doc` there (session.ts, `ensureLive`).
 */
export function createBoardActions(
  doc: Y.Doc,
  origin: Origin,
  actor: () => string,
  beforeChange: () => void = () => undefined,
): BoardActions {
  // Each action builds its context just before its operation runs: the hook runs there.
  const ctx = (): OpContext => {
    beforeChange()
    return { actor: actor(), origin }
  }
  return {
    addCard: (input) => addCard(doc, input, ctx()),
    editCard: (id, patch) => editCard(doc, id, patch, ctx()),
    moveCard: (id, stage, index) => moveCard(doc, id, { stage, index }, ctx()),
    archiveCard: (id) => archiveCard(doc, id, ctx()),
    restoreCard: (id) => restoreCard(doc, id, ctx()),
    addStage: (name) => addStage(doc, { name }, ctx()),
    renameStage: (id, name) => renameStage(doc, id, name, ctx()),
    moveStage: (id, index) => moveStage(doc, id, index, ctx()),
    setWipLimit: (id, limit) => setWipLimit(doc, id, limit, ctx()),
    removeStage: (id) => removeStage(doc, id, ctx()),
  }
}
