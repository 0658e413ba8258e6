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

export interface BoardSession {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly link: Accessor<Link>
  readonly status: Accessor<SyncStatus>
  /** Resolves once the locally stored copy has been loaded. */
  readonly whenLocalLoaded: Promise<void>
  destroy(): void
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

export function createBoardSession(boardId: string): BoardSession {
  const doc = new Y.Doc()
  const local = new IndexeddbPersistence(`sector-board:${boardId}`, doc)
  const { provider, managed } = createBoardProvider(boardId, doc)
  if (navigator.onLine) managed.resume()
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
    whenLocalLoaded: local.whenSynced.then(() => undefined),
    destroy() {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      managed.dispose()
      provider.destroy()
      void local.destroy()
      doc.destroy()
    },
  }
}
