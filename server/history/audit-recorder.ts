// Turns a room's transactions into audit entries. It keeps the last known value of every card
// (from the board's first change on), so each transaction is compared field by field with what
// came before. Typing in a text field produces many small updates: consecutive edits of one field
// by one person within a minute are merged into one entry (first "before", last "after").
import type * as Y from 'yjs'
import type { Touched } from '../../shared/changes.js'
import { DIFFED_FIELDS } from '../../shared/diff.js'
import { cardsOf } from '../../shared/doc.js'
import { readCard } from '../../shared/read.js'
import type { Card } from '../../shared/schema.js'
import type { AuditEntry } from './audit-store.js'

const MERGE_MS = 60_000
const TEXT_FIELDS = new Set(['title', 'notes'])

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export class AuditRecorder {
  /** Taken just before the board's first change, not at load: a board only watched never needs it. */
  private known: Map<string, Card> | null = null
  /** Open text-field entries, by card/field/actor, still taking later keystrokes. */
  private readonly open = new Map<string, { entry: AuditEntry; lastMs: number }>()

  constructor(
    private readonly boardId: string,
    private readonly doc: Y.Doc,
  ) {
    doc.on('beforeTransaction', this.copyCards)
  }

  /** Stops watching the doc (the room closes). */
  destroy(): void {
    this.doc.off('beforeTransaction', this.copyCards)
  }

  private readonly copyCards = (): void => {
    this.doc.off('beforeTransaction', this.copyCards)
    const known = new Map<string, Card>()
    cardsOf(this.doc).forEach((card, id) => known.set(id, readCard(id, card)))
    this.known = known
  }

  /**
   * Entries for a transaction; text edits may be held open (see `flush`). With no actor (seeding,
   * migration) the known values are updated and nothing is recorded.
   */
  record(touched: Touched, actor: string | null, nowMs: number): AuditEntry[] {
    // beforeTransaction comes first in every transaction, so the copy holds the values from before.
    const known = this.known as Map<string, Card>
    const at = new Date(nowMs).toISOString()
    const entries: AuditEntry[] = []
    for (const cardId of touched.cards) {
      const map = cardsOf(this.doc).get(cardId)
      let after: Card | undefined
      try {
        after = map ? readCard(cardId, map) : undefined
      } catch {
        continue // a malformed card is refused elsewhere; nothing to record
      }
      const before = known.get(cardId)
      if (after) known.set(cardId, after)
      else known.delete(cardId)
      if (actor === null) continue
      const entry = (field: string, b: unknown, a: unknown): AuditEntry => ({
        boardId: this.boardId,
        cardId,
        field,
        before: b,
        after: a,
        actor,
        at,
      })
      if (!before && after) entries.push(entry('created', null, after.title))
      if (!before || !after) continue
      if (before.placement.stage !== after.placement.stage)
        entries.push(entry('stage', before.placement.stage, after.placement.stage))
      if (before.archived !== after.archived)
        entries.push(entry('archived', before.archived, after.archived))
      for (const field of DIFFED_FIELDS) {
        if (same(before[field], after[field])) continue
        if (!TEXT_FIELDS.has(field)) {
          entries.push(entry(field, before[field], after[field]))
          continue
        }
        const key = `${cardId}\u0000${field}\u0000${actor}`
        const open = this.open.get(key)
        if (open && nowMs - open.lastMs < MERGE_MS) {
          this.open.set(key, { entry: { ...open.entry, after: after[field] }, lastMs: nowMs })
        } else {
          if (open) entries.push(open.entry)
          this.open.set(key, { entry: entry(field, before[field], after[field]), lastMs: nowMs })
        }
      }
    }
    return entries
  }

  /** Closes text entries idle for a minute (or all of them), returning them for storage. */
  flush(nowMs: number, all = false): AuditEntry[] {
    const done: AuditEntry[] = []
    for (const [key, open] of this.open) {
      if (!all && nowMs - open.lastMs < MERGE_MS) continue
      done.push(open.entry)
      this.open.delete(key)
    }
    return done
  }
}
