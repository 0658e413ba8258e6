// The audit trail's storage seam: who changed which field of which card, when, with the values
// before and after. Kept by the server from the updates it receives, never reported by clients.
export interface AuditEntry {
  readonly boardId: string
  readonly cardId: string
  /** A card field, or `stage` (moved), `archived`, `created`. */
  readonly field: string
  readonly before: unknown
  readonly after: unknown
  readonly actor: string
  readonly at: string
}

export interface AuditQuery {
  readonly cardId?: string
  readonly actor?: string
  /** ISO time: entries at or after it. */
  readonly since?: string
  readonly limit?: number
}

export interface AuditStore {
  append(entries: readonly AuditEntry[]): Promise<void>
  /** Newest first. */
  query(boardId: string, query: AuditQuery): Promise<AuditEntry[]>
}
