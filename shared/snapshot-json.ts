// A board's JSON snapshot kept up to date card by card: each card's JSON is made (as UTF-8) once,
// and again only when a transaction touches that card, so the bytes of a large board after one
// edit cost a sort and a copy rather than reading, serialising and encoding every card. The same
// bytes as JSON.stringify(toSnapshot(doc)) encoded as UTF-8.
import type * as Y from 'yjs'
import { touchedBy } from './changes.js'
import { cardsOf, defineBoardRoots } from './doc.js'
import { inBoardOrder, readCard } from './read.js'
import type { Card, Stage } from './schema.js'
import { snapshotHead } from './snapshot.js'

interface CachedCard {
  readonly card: Card
  /** The card's JSON, UTF-8. */
  readonly json: Uint8Array
}

const utf8 = new TextEncoder()
const COMMA = 0x2c

export interface SnapshotJson {
  /** The board as JSON.stringify(toSnapshot(doc, takenAt)) would write it, in UTF-8. */
  bytes(takenAt?: string): Uint8Array
  /** Stops following the document. */
  destroy(): void
}

export function followSnapshotJson(doc: Y.Doc): SnapshotJson {
  // onTransaction tells changes apart by root (touchedBy).
  defineBoardRoots(doc)
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
        cached.set(id, (entry = { card, json: utf8.encode(JSON.stringify(card)) }))
      }
      entries.push(entry)
    })
    const order = inBoardOrder(stages)
    return entries.sort((a, b) => order(a.card, b.card))
  }

  return {
    bytes(takenAt = new Date().toISOString()) {
      const head = snapshotHead(doc, takenAt)
      const cards = cardsInBoardOrder(head.board.stages)
      // The cards array is last: its empty brackets close the text.
      const empty = JSON.stringify(head)
      const before = utf8.encode(`${empty.slice(0, -3)}[`)
      const after = utf8.encode(']}')
      // Copied into one buffer: joining 2,000 strings and encoding the result costs ten times more.
      let length = before.length + Math.max(0, cards.length - 1) + after.length
      for (const { json } of cards) length += json.length
      const out = new Uint8Array(length)
      out.set(before)
      let at = before.length
      cards.forEach(({ json }, i) => {
        if (i > 0) out[at++] = COMMA
        out.set(json, at)
        at += json.length
      })
      out.set(after, at)
      return out
    },
    destroy() {
      doc.off('afterTransaction', onTransaction)
    },
  }
}
