// A read-only live view of one board (home page, overview, presentation): the board store over a
// y-websocket sync, without IndexedDB or editing. Reconnects by itself after a network drop.
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { tokenParams } from '../access'
import { createBoardStore, type BoardState } from './store'

export interface WatchedBoard {
  readonly state: Readonly<BoardState>
  readonly connected: Accessor<boolean>
}

export function watchBoard(boardId: string): WatchedBoard {
  const doc = new Y.Doc()
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
  const provider = new WebsocketProvider(url, boardId, doc, { params: tokenParams() })
  const store = createBoardStore(doc)
  const [connected, setConnected] = createSignal(false)
  provider.on('status', ({ status }: { status: string }) => setConnected(status === 'connected'))
  onCleanup(() => {
    store.dispose()
    provider.destroy()
    doc.destroy()
  })
  return { state: store.state, connected }
}
