// The board's audit trail over HTTP: who changed which field of which card, and when.
import { withToken } from './access'

export interface AuditEntry {
  readonly cardId: string
  readonly field: string
  readonly before: unknown
  readonly after: unknown
  readonly actor: string
  readonly at: string
}

export async function fetchAudit(
  boardId: string,
  query: { card?: string; actor?: string; limit?: number },
): Promise<AuditEntry[]> {
  const params = new URLSearchParams()
  if (query.card) params.set('card', query.card)
  if (query.actor) params.set('actor', query.actor)
  if (query.limit) params.set('limit', String(query.limit))
  const res = await fetch(withToken(`/api/boards/${encodeURIComponent(boardId)}/audit?${params}`))
  if (!res.ok) throw new Error(`audit: ${res.status}`)
  return ((await res.json()) as { entries: AuditEntry[] }).entries
}
