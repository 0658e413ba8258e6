// One open board in the browser: its Y.Doc, kept in IndexedDB (offline edits survive a reload)
// and synced with the server over y-websocket. Exposes the connection status as a signal.
import { createSignal, type Accessor } from 'solid-js'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { tokenParams } from '../access'

/** offline: no connection (edits are kept locally); syncing: connected, catching up; synced. */
export type SyncStatus = 'offline' | 'connecting' | 'syncing' | 'synced'

export interface BoardSession {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly status: Accessor<SyncStatus>
  /** Resolves once the locally stored copy has been loaded. */
  readonly whenLocalLoaded: Promise<void>
  destroy(): void
}

function websocketBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}

export function createBoardSession(boardId: string): BoardSession {
  const doc = new Y.Doc()
  const local = new IndexeddbPersistence(`sector-board:${boardId}`, doc)
  const provider = new WebsocketProvider(websocketBase(), boardId, doc, {
    connect: navigator.onLine,
    params: tokenParams(),
  })
  const [status, setStatus] = createSignal<SyncStatus>(navigator.onLine ? 'connecting' : 'offline')

  const update = () => {
    if (!provider.wsconnected) setStatus(provider.shouldConnect ? 'connecting' : 'offline')
    else setStatus(provider.synced ? 'synced' : 'syncing')
  }
  provider.on('status', update)
  provider.on('sync', update)
  provider.on('connection-close', update)
  // The browser knows before the socket does: stop and resume with the network.
  const goOffline = () => {
    provider.disconnect()
    setStatus('offline')
  }
  const goOnline = () => {
    provider.connect()
    update()
  }
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)

  return {
    doc,
    awareness: provider.awareness,
    status,
    whenLocalLoaded: local.whenSynced.then(() => undefined),
    destroy() {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      provider.destroy()
      void local.destroy()
      doc.destroy()
    },
  }
}
