// The fan-out seam: how instances sharing one database tell each other about a board's changes.
// Storage stays the source of truth; fan-out only makes changes show sooner. A message that never
// arrives is recovered by the room catching up from storage (see Room.catchUp).

export type FanoutMessage =
  /** A document update another instance has already stored, with its sequence number. */
  | { readonly kind: 'update'; readonly seq: number; readonly update: Uint8Array }
  /** An awareness (presence) update from another instance's clients. */
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  /** A room just loaded elsewhere and asks every instance for its clients' presence. */
  | { readonly kind: 'awareness-query' }

export interface FanoutHandler {
  /** A message from another instance (never one of this instance's own). */
  message(message: FanoutMessage): void
  /** The link was down for a while and messages may have been missed: catch up from storage. */
  resync(): void
}

export interface FanoutSubscription {
  /** Best effort: a message lost here is recovered by the other instances' catch-up. */
  publish(message: FanoutMessage): void
  leave(): Promise<void>
}

export interface Fanout {
  /** Resolves once messages for the board are being received. */
  join(boardId: string, handler: FanoutHandler): Promise<FanoutSubscription>
  /** Resolves when the broker answers; rejects otherwise (readiness probes). */
  ping(): Promise<void>
  close(): Promise<void>
}
