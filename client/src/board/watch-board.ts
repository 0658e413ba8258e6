// A read-only live view of one board (home page, overview, presentation): the board store over a
// y-websocket sync, without IndexedDB or editing. Shares the board page's liveness rules, so a
// big screen never shows a silently stale board as live.
import { onCleanup, type Accessor } from 'solid-js'
import * as Y from 'yjs'
import type { Link } from './link'
import { createBoardProvider } from './session'
import { createBoardStore, type BoardState } from './store'

export interface WatchedBoard {
  readonly state: Readonly<BoardState>
  readonly link: Accessor<Link>
  /** Live: connected and synced. */
  readonly connected: Accessor<boolean>
}

export function watchBoard(boardId: string): WatchedBoard {
  const doc = new Y.Doc()
  const { provider, managed } = createBoardProvider(boardId, doc)
  managed.resume()
  const store = createBoardStore(doc)
  onCleanup(() => {
    store.dispose()
    managed.dispose()
    provider.destroy()
    doc.destroy()
  })
  return {
    state: store.state,
    link: managed.link,
    connected: () => managed.link().status === 'synced',
  }
}
