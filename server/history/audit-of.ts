// The audit entries for changes made to a board document outside any room (the import CLI writes
// behind the servers): the recorder the rooms use, over the transactions `change` runs.
import type * as Y from 'yjs'
import { touchedBy } from '../../shared/changes.js'
import { AuditRecorder } from './audit-recorder.js'
import type { AuditEntry } from './audit-store.js'

/**
 * Runs `change` on `doc` and returns its audit entries. `actorOf` names who made a transaction
 * from its origin, or null for one that records nothing (a migration, as in a room).
 */
export function auditOf(
  boardId: string,
  doc: Y.Doc,
  change: () => void,
  actorOf: (origin: unknown) => string | null,
  nowMs: number = Date.now(),
): AuditEntry[] {
  const recorder = new AuditRecorder(boardId, doc)
  const entries: AuditEntry[] = []
  const record = (transaction: Y.Transaction) =>
    entries.push(
      ...recorder.record(touchedBy(doc, transaction), actorOf(transaction.origin), nowMs),
    )
  doc.on('afterTransaction', record)
  try {
    change()
  } finally {
    doc.off('afterTransaction', record)
    recorder.destroy()
  }
  return [...entries, ...recorder.flush(nowMs, true)]
}
