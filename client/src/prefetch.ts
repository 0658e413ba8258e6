// Requests index.html starts before the scripts load (see its inline script). Each answer is
// handed out once: a later call (after signing in, say) asks the server again.

interface Prefetched {
  session?: Promise<Response>
  board?: { readonly id: string; readonly state: Promise<Response | null> } | null
}

declare global {
  interface Window {
    sectorBoardPrefetch?: Prefetched
  }
}

/** GET /api/session, if index.html asked it and no one took the answer yet. */
export function takeSession(): Promise<Response> | undefined {
  const prefetched = window.sectorBoardPrefetch
  const session = prefetched?.session
  if (prefetched) delete prefetched.session
  return session
}

/**
 * GET /api/boards/<boardId>/state, if index.html asked it (null when it learnt that this browser
 * may not see the board, or the request failed).
 */
export function takeBoardState(boardId: string): Promise<Response | null> | undefined {
  const prefetched = window.sectorBoardPrefetch
  const board = prefetched?.board
  if (!prefetched || board?.id !== boardId) return undefined
  delete prefetched.board
  return board.state
}
