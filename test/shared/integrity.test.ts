// The server's check of a client's change (shared/integrity.ts) looks only at the card fields the
// change touched. Whatever a client sends to a well-formed board, that verdict must be the one a
// check of every touched card, whole, would give: a change is refused exactly when it leaves some
// card malformed. (A card already malformed, as concurrent edits merged across instances can
// leave one, may still be edited in its other fields: the point of checking fields.)
import fc from 'fast-check'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { touchedBy } from '../../shared/changes.js'
import { cardsOf, defineBoardRoots } from '../../shared/doc.js'
import { findViolation } from '../../shared/integrity.js'
import { addCard } from '../../shared/ops/cards.js'
import { readCard } from '../../shared/read.js'
import { CardSchema } from '../../shared/schema.js'
import { alice, replicaOf, testBoard } from '../support/board.js'

/**
 * The board as the server holds it: one well-formed card with a milestone and tags. The
 * milestone's title is a Y.Text (still well-formed: it reads as its string), so that a change
 * can reach into a type nested two levels inside the card.
 */
function serverBoard(): Y.Doc {
  const doc = testBoard(1)
  addCard(
    doc,
    {
      id: 'c1',
      stage: 'engaging',
      title: 'FANUC',
      notes: 'robot arms',
      tags: ['smart'],
      milestones: [{ id: 'm1', title: 'sign', date: '2026-12-01', done: false }],
    },
    alice,
  )
  const milestone = (card(doc)?.get('milestones') as Y.Array<Y.Map<unknown>>).get(0)
  milestone.set('title', new Y.Text('sign'))
  return doc
}

/** Every card of the board passes the whole-card schema (the check before field-level checks). */
function everyCardWellFormed(doc: Y.Doc): boolean {
  let ok = true
  cardsOf(doc).forEach((card, id) => {
    if (!(card instanceof Y.Map)) return void (ok = false)
    try {
      if (!CardSchema.safeParse(readCard(id, card)).success) ok = false
    } catch {
      ok = false
    }
  })
  return ok
}

/** Every field of a card, and one key no card has. */
const FIELDS = [...Object.keys(CardSchema.shape), 'unknown']

/** Plausible and implausible values a hostile client could store anywhere. */
const anyValue = fc.oneof(
  fc.constantFrom(
    'a0',
    '12.5',
    '2026-12-01',
    '2026-11-26T09:00:00.000Z',
    'on-track',
    'blocked',
    'project',
    'event',
    '',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc
    .tuple(fc.constantFrom('engaging', 'nowhere', ''), fc.constantFrom('a0', '!'))
    .map(([stage, rank]) => ({ stage, rank })),
)

type Change = (doc: Y.Doc) => void
/** Card c1, unless a change removed it (then changes to it do nothing). */
const card = (doc: Y.Doc): Y.Map<unknown> | undefined => {
  const found = cardsOf(doc).get('c1')
  return found instanceof Y.Map ? found : undefined
}
const listIn = (doc: Y.Doc, field: 'tags' | 'milestones') => {
  const list = card(doc)?.get(field)
  return list instanceof Y.Array ? (list as Y.Array<unknown>) : null
}

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), anyValue).map(
    ([field, value]): Change =>
      (doc) =>
        card(doc)?.set(field, value),
  ),
  fc.constantFrom(...FIELDS).map(
    (field): Change =>
      (doc) =>
        card(doc)?.delete(field),
  ),
  fc.constant<Change>((doc) => cardsOf(doc).delete('c1')),
  fc
    .tuple(fc.constantFrom('title' as const, 'notes' as const), fc.nat({ max: 700 }))
    .map(([field, length]): Change => (doc) => {
      const text = card(doc)?.get(field)
      if (text instanceof Y.Text) text.insert(0, 'x'.repeat(length))
    }),
  fc.constantFrom('title', 'notes').map((field): Change => (doc) => {
    const text = card(doc)?.get(field)
    if (text instanceof Y.Text) text.delete(0, text.length)
  }),
  anyValue.map(
    (value): Change =>
      (doc) =>
        listIn(doc, 'tags')?.push([value]),
  ),
  fc.nat({ max: 60 }).map((count): Change => (doc) => {
    listIn(doc, 'tags')?.push(Array.from({ length: count }, (_, i) => `t${i}`))
  }),
  fc
    .tuple(fc.constantFrom('id', 'title', 'date', 'done', 'other'), anyValue)
    .map(([key, value]): Change => (doc) => {
      const milestone = listIn(doc, 'milestones')?.get(0)
      if (milestone instanceof Y.Map) milestone.set(key, value)
    }),
  fc.constantFrom('date', 'title').map((key): Change => (doc) => {
    // Text inside a milestone: its field is the card's milestones, not the text's own key.
    const milestone = listIn(doc, 'milestones')?.get(0)
    if (milestone instanceof Y.Map) milestone.set(key, new Y.Text('2026-12-01'))
  }),
  fc.nat({ max: 700 }).map((length): Change => (doc) => {
    const title = (listIn(doc, 'milestones')?.get(0) as Y.Map<unknown> | undefined)?.get('title')
    if (title instanceof Y.Text) title.insert(0, 'x'.repeat(length))
  }),
  anyValue.map((value): Change => (doc) => {
    const milestone = new Y.Map<unknown>()
    milestone.set('id', 'm2')
    milestone.set('date', value)
    listIn(doc, 'milestones')?.push([milestone])
  }),
  fc.tuple(fc.constantFrom('c1', 'c2'), fc.boolean()).map(([id, wellFormed]): Change => (doc) => {
    const copy = new Y.Map<unknown>()
    copy.set('title', new Y.Text('copy'))
    copy.set('notes', new Y.Text(''))
    copy.set('tags', new Y.Array())
    copy.set('milestones', new Y.Array())
    for (const [key, value] of card(doc)?.entries() ?? [])
      if (!(value instanceof Y.AbstractType)) copy.set(key, value)
    if (!wellFormed) copy.set('risk', 'unknown')
    cardsOf(doc).set(id, copy)
  }),
)

describe('the check of a client change', () => {
  it('refuses a change exactly when a check of the whole touched cards would', () => {
    const someChanges = (minLength: number) => fc.array(change, { minLength, maxLength: 3 })
    fc.assert(
      fc.property(someChanges(1), someChanges(0), (first, second) => {
        // Loaded as a room loads a board from storage, with its roots typed as the Room types them.
        const board = serverBoard()
        const server = new Y.Doc()
        defineBoardRoots(server)
        Y.applyUpdate(server, Y.encodeStateAsUpdate(board))
        // Two people editing at once from the same copy: the server checks each change in turn.
        const clients = [replicaOf(board, 2), replicaOf(board, 3)]
        const updates = [first, second].map((changes, i) => {
          const client = clients[i] as Y.Doc
          const before = Y.encodeStateVector(client)
          client.transact(() => changes.forEach((apply) => apply(client)))
          return Y.encodeStateAsUpdate(client, before)
        })
        let verdict: string | null | undefined
        server.on('afterTransaction', (transaction: Y.Transaction) => {
          verdict = findViolation(server, touchedBy(server, transaction))
        })
        for (const update of updates) {
          verdict = undefined
          Y.applyUpdate(server, update, 'client')
          if (verdict === undefined) continue // nothing new for the board
          expect(verdict === null).toBe(everyCardWellFormed(server))
          // A refused change makes the room reload; nothing after it reaches this doc.
          if (verdict !== null) break
        }
      }),
      { numRuns: 400 },
    )
  })

  it('checks a typed note against its length limit', () => {
    const server = serverBoard()
    const client = replicaOf(server, 2)
    const before = Y.encodeStateVector(client)
    ;(card(client)?.get('notes') as Y.Text).insert(0, 'x'.repeat(20_001))
    let verdict: string | null | undefined
    server.on('afterTransaction', (transaction: Y.Transaction) => {
      verdict = findViolation(server, touchedBy(server, transaction))
    })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before))
    expect(verdict).toBe('card c1 is malformed')
  })
})
