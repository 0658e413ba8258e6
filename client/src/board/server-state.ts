// The board's whole state over HTTP (GET /api/boards/<id>/state), for a browser with no copy of
// its own: index.html starts the request while the scripts download, so the board can be drawn
// before the socket has even opened. The socket then syncs only what changed since.
import { withToken } from '../access'
import { takeBoardState } from '../prefetch'

/** A request slower than this gives way to the socket, which brings the same board. */
const FETCH_LIMIT_MS = 5_000

export function boardStateUrl(boardId: string): string {
  return withToken(`/api/boards/${encodeURIComponent(boardId)}/state`)
}

/** The board as one Yjs update, or null (offline, refused, too slow): the socket then sends it. */
export function fetchBoardState(boardId: string): Promise<Uint8Array | null> {
  if (!navigator.onLine) return Promise.resolve(null)
  const load = async () => {
    // index.html's answer when it has one; else (no answer yet, or no access then) ask now.
    const res = (await takeBoardState(boardId)) ?? (await fetch(boardStateUrl(boardId)))
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null
  }
  return Promise.race([
    load().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), FETCH_LIMIT_MS)),
  ])
}
