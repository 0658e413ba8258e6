// What the server gets from its database, whichever it is: the four stores plus health and close.
import type { AccessStore } from '../access/store.js'
import type { AuditStore } from '../history/audit-store.js'
import type { SnapshotStore } from './snapshot-store.js'
import type { BoardStore } from './store.js'

export interface Storage {
  readonly boards: BoardStore
  readonly access: AccessStore
  readonly snapshots: SnapshotStore
  readonly audit: AuditStore
  /** Resolves when the database answers a trivial query; rejects otherwise (readiness probes). */
  ping(): Promise<void>
  /** Closes the stores and the database (or its connection pool). */
  close(): Promise<void>
}
