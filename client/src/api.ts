// HTTP calls for board data.
import { withToken } from './access'

export interface BoardSummary {
  readonly id: string
  readonly name: { readonly zh: string; readonly en: string }
  readonly snapshot: string
}

export async function fetchBoards(): Promise<BoardSummary[]> {
  const res = await fetch(withToken('/api/boards'))
  if (!res.ok) throw new Error(`GET /api/boards: ${res.status}`)
  const body = (await res.json()) as { boards: BoardSummary[] }
  return body.boards
}
