// The board's whole state over HTTP (GET /api/boards/<id>/state), for a browser with no copy of
// its own: index.html starts the request while the scripts download, so the board can be drawn
// before the socket has even opened. The socket then syncs only what changed since.
import { withToken } from '../access'

/** A request slower than this gives way to the socket, which brings the same board. */
const FETCH_LIMIT_MS = 5_000

export function boardStateUrl(boardId: string): string {
  return withToken(`/api/boards/${encodeURIComponent(boardId)}/state`)
}

/** The board as one Yjs update, or null (offline, refused, too slow): the socket then sends it. */
export async function fetchBoardState(boardId: string): Promise<Uint8Array | null> {
  if (!navigator.onLine) return null
  try {
    // Same URL, mode and credentials as index.html's preload, so the browser reuses its answer.
    const res = await fetch(boardStateUrl(boardId), { signal: AbortSignal.timeout(FETCH_LIMIT_MS) })
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null
  } catch {
    return null
  }
}
