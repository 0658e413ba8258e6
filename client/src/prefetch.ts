// Requests index.html starts before the scripts load (see its inline script). Each answer is
// handed out once: a later call (after signing in, say) asks the server again.

/**
 * A board's first look as index.html asked it: the bodies of GET /api/boards/<id>/state (bytes)
 * and /view (parsed JSON), or null when it learnt this browser may not see the board, or failed.
 */
interface BoardAnswers {
  state?: Promise<ArrayBuffer | null>
  view?: Promise<unknown>
}

interface Prefetched {
  session?: Promise<Response>
  board?: ({ readonly id: string } & BoardAnswers) | null
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

/** The body of GET /api/boards/<boardId>/state or /view, if index.html asked it. */
export function takeBoardAnswer<K extends keyof BoardAnswers>(
  boardId: string,
  what: K,
): BoardAnswers[K] {
  const board = window.sectorBoardPrefetch?.board
  if (board?.id !== boardId) return undefined
  const answer = board[what]
  board[what] = undefined
  return answer
}
