// Named snapshots: point-in-time copies of a board, kept as snapshot-format JSON with who took
// them and when. Implementations: SQLite and PostgreSQL (test/storage/snapshot-contract.ts).
import type { Snapshot } from '../../shared/snapshot.js'

export interface SnapshotInfo {
  readonly id: string
  readonly boardId: string
  readonly name: string
  readonly takenAt: string
  readonly takenBy: string
  /** Taken by the server itself (e.g. just before a restore or an import), not by a person. */
  readonly automatic: boolean
}

export interface SnapshotStore {
  save(info: SnapshotInfo, snapshot: Snapshot): Promise<void>
  /** A board's snapshots, newest first. */
  list(boardId: string): Promise<SnapshotInfo[]>
  get(boardId: string, id: string): Promise<{ info: SnapshotInfo; snapshot: Snapshot } | null>
}
