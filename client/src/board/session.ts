// One open board's connection: its local board (local-board.ts) synced with the server over
// y-websocket. Exposes the link to the server as a signal.
import { createSignal, type Accessor } from 'solid-js'
import { readAuthMessage } from 'y-protocols/auth'
import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { VIEWER_CHANGE_REFUSED, type Role } from '../../../shared/roles.js'
import type { Snapshot } from '../../../shared/snapshot.js'
import { tokenParams } from '../access'
import { afterPaint } from './after-paint'
import { manageLink, type Link, type LinkStatus, type ManagedLink } from './link'
import type { LocalBoard } from './local-board'
import { livenessSettings } from './liveness-settings'
import { fetchBoardState, fetchBoardView } from './server-state'

/** synced: live. Anything else: the board on screen may be out of date (see link.ts). */
export type SyncStatus = LinkStatus
export type { Link }

export interface BoardSession {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly link: Accessor<Link>
  readonly status: Accessor<SyncStatus>
  /**
   * Makes `doc` the live board now, if the server's board has arrived and waits only for its
   * view's first paint (see `onView`): call it before changing `doc`. Until the board arrives,
   * changes to its cards fail as changes to unknown cards, and change nothing.
   */
  ensureLive(): void
  /** Ends the connection; the LocalBoard stays open for its owner to destroy. */
  destroy(): void
}

export interface BoardSessionOptions {
  /**
   * Gets the server's JSON view of the board to draw while `doc` is still empty: the board goes
   * into `doc` once that is on screen and the Yjs update has arrived (or sooner: `ensureLive`).
   */
  onView?(view: Snapshot): void
  /** The role this page believes it has (see createBoardProvider). */
  role?: Accessor<Role>
  /**
   * The server refused a change that `doc` holds (this page may not write): the doc and this
   * browser's copy hold changes the board will never have.
   */
  onRefused?(): void
}

/** y-websocket's message type for y-protocols auth, whose one message is "permission denied". */
const MESSAGE_AUTH = 2

/** Calls `handler` when the server refuses a change (in place of y-websocket's console warning). */
function onChangeRefused(provider: WebsocketProvider, handler: () => void): void {
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) =>
    readAuthMessage(decoder, provider.doc, (_doc, reason) => {
      if (reason === VIEWER_CHANGE_REFUSED) handler()
    })
}

export function websocketBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}

/**
 * A provider whose connection `manageLink` drives (liveness checks, jittered reconnects). With
 * `role`, every connect names the role this page believes it has: the server closes a link whose
 * role differs as it does when access changes (1008), so a page that was away meanwhile asks again.
 */
export function createBoardProvider(
  boardId: string,
  doc: Y.Doc,
  awareness?: Awareness,
  role?: Accessor<Role>,
) {
  const settings = livenessSettings()
  const params = tokenParams()
  // Read each time the provider builds its URL, i.e. on every connect.
  if (role) Object.defineProperty(params, 'role', { enumerable: true, get: role })
  const provider = new WebsocketProvider(websocketBase(), boardId, doc, {
    connect: false,
    // No BroadcastChannel between this browser's tabs: it is closed whenever the provider is
    // (offline too), so the server syncs every tab anyway, and opening it would encode the
    // whole board once more for a tab that may not exist.
    disableBc: true,
    params,
    ...(awareness ? { awareness } : {}),
  })
  return { provider, managed: manageLink(provider, settings) }
}

/**
 * Connects a local board to the server. When this browser keeps a copy, the provider starts once
 * that copy is loaded: the first sync then asks only for what it lacks (never the whole board
 * twice), and loading the copy encodes nothing for the provider to send. Without one, the board
 * comes over HTTP first (server-state.ts; already requested by index.html): its JSON view is
 * drawn as soon as it arrives, its Yjs update goes into the doc after that paint, and then the
 * provider starts and syncs the difference; should those requests fail, the provider brings it.
 */
export function createBoardSession(
  boardId: string,
  local: LocalBoard,
  options: BoardSessionOptions = {},
): BoardSession {
  const { doc } = local
  const awareness = new Awareness(doc)
  const [managed, setManaged] = createSignal<ManagedLink | null>(null)
  let provider: WebsocketProvider | undefined
  let destroyed = false
  /** The server's board as a Yjs update: undefined until its request settles, null if it failed. */
  let state: Uint8Array | null | undefined
  const onSynced = (synced: boolean) => {
    if (synced) local.markKept()
  }
  const start = () => {
    if (destroyed || provider) return
    const created = createBoardProvider(boardId, doc, awareness, options.role)
    provider = created.provider
    provider.on('sync', onSynced)
    onChangeRefused(provider, () => options.onRefused?.())
    if (navigator.onLine) created.managed.resume()
    setManaged(created.managed)
  }
  /** Puts the server's board into `doc` (once), then connects. */
  const goLive = () => {
    if (destroyed || provider || state === undefined) return
    try {
      if (state) local.applyServerState(state)
    } finally {
      start()
    }
  }
  /** Draws the server's JSON view (if any) first, then puts its Yjs update into the doc. */
  const openFromServer = async () => {
    const answer = fetchBoardState(boardId).then((update) => {
      state = update
    })
    try {
      const view = options.onView && (await fetchBoardView(boardId))
      if (view && !destroyed) {
        options.onView?.(view)
        await new Promise<void>((resolve) => afterPaint(resolve))
      }
    } finally {
      await answer
      goLive()
    }
  }
  if (local.kept) void local.whenLoaded.then(start)
  else void openFromServer()
  // The browser knows before the socket does: stop and resume with the network.
  const goOffline = () => managed()?.pause()
  const goOnline = () => managed()?.resume()
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)
  // Until the provider exists (a kept copy still loading, briefly): not live, whatever the network.
  const link = (): Link =>
    managed()?.link() ?? { status: navigator.onLine ? 'connecting' : 'offline' }

  return {
    doc,
    awareness,
    link,
    status: () => link().status,
    ensureLive: goLive,
    destroy() {
      destroyed = true
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      managed()?.dispose()
      provider?.off('sync', onSynced)
      provider?.destroy()
      // The doc outlives this session (a new role opens a new one), so end its awareness here.
      awareness.destroy()
    },
  }
}
