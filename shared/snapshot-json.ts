// A board's JSON snapshot kept up to date card by card: each card's JSON is made once and again
// only when a transaction touches that card, so the text of a large board after one edit costs a
// sort and a join rather than reading and serialising every card. Same text as
// JSON.stringify(toSnapshot(doc)).
import type * as Y from 'yjs'
import { touchedBy } from './changes.js'
import { cardsOf } from './doc.js'
import { inBoardOrder, readCard } from './read.js'
import type { Card, Stage } from './schema.js'
import { snapshotHead } from './snapshot.js'

interface CachedCard {
  readonly card: Card
  readonly json: string
}

export interface SnapshotJson {
  /** The board as JSON.stringify(toSnapshot(doc, takenAt)) would write it. */
  text(takenAt?: string): string
  /** Stops following the document. */
  destroy(): void
}

export function followSnapshotJson(doc: Y.Doc): SnapshotJson {
  const cached = new Map<string, CachedCard>()
  const onTransaction = (transaction: Y.Transaction): void => {
    for (const id of touchedBy(doc, transaction).cards) cached.delete(id)
  }
  doc.on('afterTransaction', onTransaction)

  const cardsInBoardOrder = (stages: readonly Stage[]): CachedCard[] => {
    const entries: CachedCard[] = []
    cardsOf(doc).forEach((map, id) => {
      let entry = cached.get(id)
      if (!entry) {
        const card = readCard(id, map)
        cached.set(id, (entry = { card, json: JSON.stringify(card) }))
      }
      entries.push(entry)
    })
    const order = inBoardOrder(stages)
    return entries.sort((a, b) => order(a.card, b.card))
  }

  return {
    text(takenAt = new Date().toISOString()) {
      const head = snapshotHead(doc, takenAt)
      const cards = cardsInBoardOrder(head.board.stages)
      // The cards array is last: its empty brackets close the text.
      const empty = JSON.stringify(head)
      return `${empty.slice(0, -3)}[${cards.map((c) => c.json).join(',')}]}`
    },
    destroy() {
      doc.off('afterTransaction', onTransaction)
    },
  }
}
