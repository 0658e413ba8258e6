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

/** Every intent does nothing (and addCard returns undefined) while the person may not write. */
export interface BoardActions {
  addCard(input: NewCard): string | undefined
  editCard(id: string, patch: CardPatch): void
  moveCard(id: string, stage: string, index: number): void
  archiveCard(id: string): void
  restoreCard(id: string): void
  addStage(name: LocalizedText): string | undefined
  renameStage(id: string, name: LocalizedText): void
  moveStage(id: string, index: number): void
  setWipLimit(id: string, limit: number | null): void
  removeStage(id: string): void
}

export interface BoardActionHooks {
  /**
   * Runs just before each operation: a page showing the server's JSON view first puts the live
   * board into `doc` there (session.ts, `ensureLive`).
   */
  beforeChange?(): void
  /** False while this person may not write (a viewer, or a role the server is changing). */
  mayWrite?(): boolean
}

export function createBoardActions(
  doc: Y.Doc,
  origin: Origin,
  actor: () => string,
  hooks: BoardActionHooks = {},
): BoardActions {
  // Checked at each call, not when the page opened: a role can change under an open page.
  const write =
    <A extends unknown[], R>(op: (...args: A) => R) =>
    (...args: A): R | undefined =>
      hooks.mayWrite?.() === false ? undefined : op(...args)
  // Each action builds its context just before its operation runs: the hook runs there.
  const ctx = (): OpContext => {
    hooks.beforeChange?.()
    return { actor: actor(), origin }
  }
  return {
    addCard: write((input: NewCard) => addCard(doc, input, ctx())),
    editCard: write((id: string, patch: CardPatch) => editCard(doc, id, patch, ctx())),
    moveCard: write((id: string, stage: string, index: number) =>
      moveCard(doc, id, { stage, index }, ctx()),
    ),
    archiveCard: write((id: string) => archiveCard(doc, id, ctx())),
    restoreCard: write((id: string) => restoreCard(doc, id, ctx())),
    addStage: write((name: LocalizedText) => addStage(doc, { name }, ctx())),
    renameStage: write((id: string, name: LocalizedText) => renameStage(doc, id, name, ctx())),
    moveStage: write((id: string, index: number) => moveStage(doc, id, index, ctx())),
    setWipLimit: write((id: string, limit: number | null) => setWipLimit(doc, id, limit, ctx())),
    removeStage: write((id: string) => removeStage(doc, id, ctx())),
  }
}
