// A board's first look over HTTP, for a browser with no copy of its own: index.html starts both
// requests while the scripts download. The view (the board as a JSON snapshot) is drawn at once;
// the state (the whole Y.Doc as one Yjs update) takes longer to turn into the live board, which
// then replaces the view, and the socket syncs only what changed since.
import type { Snapshot } from '../../../shared/snapshot.js'
import { withToken } from '../access'
import { takeBoardAnswer } from '../prefetch'

/** A request slower than this gives way to the socket, which brings the same board. */
const FETCH_LIMIT_MS = 5_000

export function boardStateUrl(boardId: string, what: 'state' | 'view' = 'state'): string {
  return withToken(`/api/boards/${encodeURIComponent(boardId)}/${what}`)
}

/** A body, or null (offline, refused, failed, too slow). */
function withinLimit<T>(load: () => Promise<T | null>): Promise<T | null> {
  if (!navigator.onLine) return Promise.resolve(null)
  return Promise.race([
    load().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), FETCH_LIMIT_MS)),
  ])
}

/** GET /api/boards/<boardId>/<what> now, or null when refused. */
async function ask(boardId: string, what: 'state' | 'view'): Promise<Response | null> {
  const res = await fetch(boardStateUrl(boardId, what))
  return res.ok ? res : null
}

/** The board as one Yjs update, or null: the socket then sends it. */
export function fetchBoardState(boardId: string): Promise<Uint8Array | null> {
  // index.html's answer when it has one; else (no answer yet, or no access then) ask now.
  return withinLimit(async () => {
    const body =
      (await takeBoardAnswer(boardId, 'state')) ??
      (await (await ask(boardId, 'state'))?.arrayBuffer())
    return body ? new Uint8Array(body) : null
  })
}

/** The board as the server's JSON snapshot of the same version, or null. */
export function fetchBoardView(boardId: string): Promise<Snapshot | null> {
  // As for the state: index.html's answer first.
  return withinLimit(async () => {
    const body =
      (await takeBoardAnswer(boardId, 'view')) ?? (await (await ask(boardId, 'view'))?.json())
    return (body as Snapshot | undefined) ?? null
  })
}
