// A board's Y.Doc and its IndexedDB copy (offline edits survive a reload), opened before the
// server is asked anything, so that a reload can draw the board from this browser's copy at once.
import { createStores, openDB, rtop, transact } from 'lib0/indexeddb'
import { IndexeddbPersistence, storeState } from 'y-indexeddb'
import * as Y from 'yjs'
import { afterPaint } from './after-paint'

export interface LocalBoard {
  readonly doc: Y.Doc
  /** Resolves once the stored copy is in `doc` (at once when there is none). */
  readonly whenLoaded: Promise<void>
  /** Whether this browser stored a synced copy of the board before (so loading it is worthwhile). */
  readonly kept: boolean
  /** Records that the stored copy now holds a synced board. */
  markKept(): void
  /** Applies the server's whole board (an update from server-state.ts), stored once drawn. */
  applyServerState(update: Uint8Array): void
  /**
   * Forgets this browser's copy (IndexedDB and the kept mark, never set again): for a copy
   * holding changes the board will never have. Nothing the doc holds is stored any more; once
   * this resolves, a new LocalBoard starts empty (unless IndexedDB failed to empty it). The doc
   * stays until `destroy`.
   */
  discard(): Promise<void>
  destroy(): void
}

/** A stored copy this slow (or an IndexedDB that fails to open) does not hold the socket back. */
const LOAD_LIMIT_MS = 2_000

/** Origin of the board state fetched over HTTP. */
const SERVER_STATE = Symbol('server state')

/**
 * Whose copy a page keeps. A share link's page (a viewer) keeps its own, apart from the copy of
 * whoever signs in on this browser: its copy may be discarded (see `discard`), and that must never
 * empty a copy holding a signed-in editor's offline edits not yet synced.
 */
export type CopyOwner = 'browser' | 'share-link'

export function openLocalBoard(boardId: string, owner: CopyOwner = 'browser'): LocalBoard {
  // The browser's copy keeps the names it always had (index.html reads the kept mark too).
  const suffix = owner === 'share-link' ? ':share-link' : ''
  const keptKey = `sector-board:local-copy:${boardId}${suffix}`
  const doc = new Y.Doc()
  const local = new IndexeddbPersistence(`sector-board:${boardId}${suffix}`, doc)
  // Until the stored copy is loaded, y-indexeddb's 'update' listener only makes Yjs encode the
  // whole stored board once more as it loads (an update y-indexeddb then ignores). Nothing is lost
  // by listening later: as it loads, y-indexeddb stores everything the doc held before.
  doc.off('update', local._storeUpdate)
  local.once('synced', () => doc.on('update', local._storeUpdate))
  let timer: ReturnType<typeof setTimeout> | undefined
  let discarded: Promise<void> | undefined
  const whenLoaded = Promise.race([
    local.whenSynced,
    new Promise<void>((resolve) => (timer = setTimeout(resolve, LOAD_LIMIT_MS))),
  ]).then(() => clearTimeout(timer))
  return {
    doc,
    whenLoaded,
    kept: localStorage.getItem(keptKey) !== null,
    // A sync that lands while the copy is being emptied must not vouch for it.
    markKept() {
      if (discarded === undefined) localStorage.setItem(keptKey, '1')
    },
    applyServerState(update) {
      // Listening, y-indexeddb would have Yjs encode the whole board again (tens of ms for a
      // large one) before the page can draw it. Until the stored copy has loaded, nothing
      // listens: loading it stores everything the doc holds by then.
      const listening = local.synced
      if (listening) doc.off('update', local._storeUpdate)
      try {
        Y.applyUpdate(doc, update, SERVER_STATE)
      } finally {
        if (listening) {
          doc.on('update', local._storeUpdate)
          afterPaint(() => void storeState(local, true))
        }
      }
    },
    discard() {
      clearTimeout(timer)
      localStorage.removeItem(keptKey)
      discarded ??= local
        .destroy()
        .catch(() => undefined) // an IndexedDB that never opened holds nothing to forget
        .then(() => emptyCopy(local.name))
        .catch(() => undefined)
      return discarded
    },
    destroy() {
      clearTimeout(timer)
      void local.destroy()
      doc.destroy()
    },
  }
}

/**
 * Empties a board's stored copy. Emptied rather than deleted: deleting the database would close
 * every other tab's connection to it, and their copies would silently stop being stored. (The
 * stores are y-indexeddb's.)
 */
async function emptyCopy(name: string): Promise<void> {
  const db = await openDB(name, (created) =>
    createStores(created, [['updates', { autoIncrement: true }], ['custom']]),
  )
  try {
    const [updates] = transact(db, ['updates'])
    await rtop((updates as IDBObjectStore).clear())
  } finally {
    db.close()
  }
}
