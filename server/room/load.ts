// Builds a board's Y.Doc from storage: the compacted state plus the log tail.
import * as Y from 'yjs'
import { defineBoardRoots } from '../../shared/doc.js'
import type { BoardStore } from '../storage/store.js'

export interface LoadedBoard {
  readonly doc: Y.Doc
  readonly lastSeq: number
  readonly compactedSeq: number
  /** True when nothing was stored yet: the caller seeds the board. */
  readonly empty: boolean
  /** The stored state when it is the whole doc (no log on top of it), as an update. */
  readonly wholeState: Uint8Array | null
}

export async function loadBoardDoc(store: BoardStore, boardId: string): Promise<LoadedBoard> {
  const stored = await store.load(boardId)
  const doc = new Y.Doc({ gc: true })
  defineBoardRoots(doc)
  doc.transact(() => {
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  return {
    doc,
    lastSeq: stored.lastSeq,
    compactedSeq: stored.throughSeq,
    empty: !stored.state && stored.updates.length === 0,
    wholeState: stored.updates.length === 0 ? stored.state : null,
  }
}
