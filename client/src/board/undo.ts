// Per-user undo and redo: only this browser's own changes, never someone else's.
import { createSignal, type Accessor } from 'solid-js'
import * as Y from 'yjs'
import { editableTypes } from '../../../shared/doc.js'
import type { Origin } from '../../../shared/origin.js'

export interface UndoHistory {
  readonly canUndo: Accessor<boolean>
  readonly canRedo: Accessor<boolean>
  undo(): void
  redo(): void
  /**
   * Ends the current undo step: what follows is undone separately, however soon it comes (changes
   * less than 400 ms apart are otherwise one step).
   */
  endStep(): void
  destroy(): void
}

/** Undo and redo change the board too: they do nothing while `mayWrite()` is false. */
export function createUndoHistory(
  doc: Y.Doc,
  localOrigin: Origin,
  mayWrite: () => boolean = () => true,
): UndoHistory {
  const manager = new Y.UndoManager(editableTypes(doc), {
    trackedOrigins: new Set([localOrigin]),
    captureTimeout: 400,
  })
  const [canUndo, setCanUndo] = createSignal(false)
  const [canRedo, setCanRedo] = createSignal(false)
  const refresh = () => {
    setCanUndo(manager.canUndo())
    setCanRedo(manager.canRedo())
  }
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const)
    manager.on(event, refresh)
  return {
    canUndo,
    canRedo,
    undo: () => void (mayWrite() && manager.undo()),
    redo: () => void (mayWrite() && manager.redo()),
    endStep: () => manager.stopCapturing(),
    destroy: () => manager.destroy(),
  }
}
