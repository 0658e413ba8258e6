// The storage seam: an append-only log of Yjs updates per board plus a compacted state.
// Implementations (SQLite, PostgreSQL) all pass test/storage/contract.ts.
//
// Sequence numbers always increase per board and are committed before append resolves. The
// PostgreSQL store guarantees more, even with several instances appending to one board at once:
// they are per board and consecutive (1, 2, 3, … with no gaps or duplicates), and seq order is
// commit order (whoever sees seq n stored also sees every seq below it). Multi-instance fan-out
// relies on that to relay updates and to catch up with `since`. (SQLite uses one counter for all
// boards; it serves a single process.)

export interface StoredBoard {
  /** The merged state written by the last compaction, or null if never compacted. */
  readonly state: Uint8Array | null
  /** Updates appended after that compaction, in append order. */
  readonly updates: Uint8Array[]
  /** Sequence number the state was compacted through (0 when never compacted). */
  readonly throughSeq: number
  /** Sequence number of the last stored update (throughSeq when the log tail is empty). */
  readonly lastSeq: number
}

export interface BoardStore {
  load(boardId: string): Promise<StoredBoard>
  /**
   * What was stored after `afterSeq`, for an instance catching up with others: the log tail after
   * it, plus the compacted state when the log it needs was compacted away (state is null otherwise).
   */
  since(boardId: string, afterSeq: number): Promise<StoredBoard>
  /** Durably appends one update; resolves with its sequence number once stored. */
  append(boardId: string, update: Uint8Array): Promise<number>
  /**
   * Replaces the board's state with `state` and drops logged updates up to `throughSeq`. Safe to
   * race: an older compaction (lower throughSeq) never replaces a newer state, and nothing above
   * `throughSeq` is ever dropped.
   */
  compact(boardId: string, state: Uint8Array, throughSeq: number): Promise<void>
  close(): Promise<void>
}
