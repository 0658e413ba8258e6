// One open board in the browser: its Y.Doc, kept in IndexedDB (offline edits survive a reload)
// and synced with the server over y-websocket. Exposes the link to the server as a signal.
import type { Accessor } from 'solid-js'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { tokenParams } from '../access'
import { manageLink, type Link, type LinkStatus } from './link'
import { livenessSettings } from './liveness-settings'

/** synced: live. Anything else: the board on screen may be out of date (see link.ts). */
export type SyncStatus = LinkStatus
export type { Link }

/** A board's Y.Doc and its IndexedDB copy: opened before the server is asked anything. */
export interface LocalBoard {
  readonly doc: Y.Doc
  /** Resolves once the locally stored copy is in `doc` (at once when there is none). */
  readonly whenLoaded: Promise<void>
  /** Whether this browser stored a synced copy of the board before (so loading it is worthwhile). */
  readonly kept: boolean
  /** Records that the stored copy now holds a synced board. */
  markKept(): void
  destroy(): void
}

export interface BoardSession {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly link: Accessor<Link>
  readonly status: Accessor<SyncStatus>
  /** Ends the connection; the LocalBoard stays open for its owner to destroy. */
  destroy(): void
}

/** A local copy this slow (or an IndexedDB that fails to open) does not hold the socket back. */
const LOCAL_LOAD_LIMIT_MS = 2_000

export function openLocalBoard(boardId: string): LocalBoard {
  const keptKey = `sector-board:local-copy:${boardId}`
  const doc = new Y.Doc()
  const local = new IndexeddbPersistence(`sector-board:${boardId}`, doc)
  let timer: ReturnType<typeof setTimeout> | undefined
  const whenLoaded = Promise.race([
    local.whenSynced,
    local._db.then(
      () => new Promise<never>(() => undefined),
      () => undefined,
    ),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, LOCAL_LOAD_LIMIT_MS))),
  ]).then(() => clearTimeout(timer))
  return {
    doc,
    whenLoaded,
    kept: localStorage.getItem(keptKey) !== null,
    markKept: () => localStorage.setItem(keptKey, '1'),
    destroy() {
      void local.destroy()
      doc.destroy()
    },
  }
}

export function websocketBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}

/** A provider whose connection `manageLink` drives (liveness checks, jittered reconnects). */
export function createBoardProvider(boardId: string, doc: Y.Doc) {
  const settings = livenessSettings()
  const provider = new WebsocketProvider(websocketBase(), boardId, doc, {
    connect: false,
    params: tokenParams(),
  })
  return { provider, managed: manageLink(provider, settings) }
}

/**
 * Connects a local board to the server. When this browser keeps a copy, the socket opens once that
 * copy is loaded, so that the first sync asks only for what it lacks (never the whole board
 * twice); without one, at once.
 */
export function createBoardSession(boardId: string, local: LocalBoard): BoardSession {
  const { doc } = local
  const { provider, managed } = createBoardProvider(boardId, doc)
  let destroyed = false
  const connect = () => {
    if (!destroyed && navigator.onLine) managed.resume()
  }
  if (local.kept) void local.whenLoaded.then(connect)
  else connect()
  const onSynced = (synced: boolean) => {
    if (synced) local.markKept()
  }
  provider.on('sync', onSynced)
  // The browser knows before the socket does: stop and resume with the network.
  const goOffline = () => managed.pause()
  const goOnline = () => managed.resume()
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)

  return {
    doc,
    awareness: provider.awareness,
    link: managed.link,
    status: () => managed.link().status,
    destroy() {
      destroyed = true
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      managed.dispose()
      provider.off('sync', onSynced)
      provider.destroy()
      // The doc outlives this session (a new role opens a new one), so end its awareness here.
      provider.awareness.destroy()
    },
  }
}
