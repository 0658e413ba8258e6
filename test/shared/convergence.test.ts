// Concurrency: replicas that edit independently and then exchange updates must agree.
import fc from 'fast-check'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addCard, archiveCard, editCard, moveCard, restoreCard } from '../../shared/ops/cards.js'
import { moveStage, renameStage } from '../../shared/ops/stages.js'
import { readCards, readStages } from '../../shared/read.js'
import { toSnapshot } from '../../shared/snapshot.js'
import { alice, bob, exchange, replicaOf, testBoard } from '../support/board.js'

const view = (doc: Y.Doc) => JSON.stringify({ stages: readStages(doc), cards: readCards(doc) })

describe('concurrent placement', () => {
  it('two people moving the same card at once leave it in exactly one place', () => {
    const a = testBoard(1)
    const id = addCard(a, { stage: 'engaging', title: 'FANUC' }, alice)
    const b = replicaOf(a, 2)
    moveCard(a, id, { stage: 'signed', index: 0 }, alice)
    moveCard(b, id, { stage: 'operating', index: 0 }, bob)
    exchange(a, b)
    expect(view(a)).toBe(view(b))
    const copies = readCards(a).filter((c) => c.id === id)
    expect(copies).toHaveLength(1)
    expect(['signed', 'operating']).toContain(copies[0]?.placement.stage)
  })

  it('two cards dropped at the same spot converge to one order, tie broken by id', () => {
    const a = testBoard(1)
    addCard(a, { id: 'first', stage: 'signed', title: 'first' }, alice)
    addCard(a, { id: 'last', stage: 'signed', title: 'last' }, alice)
    addCard(a, { id: 'zeta', stage: 'engaging', title: 'zeta' }, alice)
    addCard(a, { id: 'alpha', stage: 'engaging', title: 'alpha' }, alice)
    const b = replicaOf(a, 2)
    moveCard(a, 'zeta', { stage: 'signed', index: 1 }, alice)
    moveCard(b, 'alpha', { stage: 'signed', index: 1 }, bob)
    exchange(a, b)
    const order = (doc: Y.Doc) =>
      readCards(doc)
        .filter((c) => c.placement.stage === 'signed')
        .map((c) => c.id)
    expect(order(a)).toEqual(['first', 'alpha', 'zeta', 'last'])
    expect(order(b)).toEqual(order(a))
  })

  it('inserting between two tied cards re-ranks so the new card lands where it was dropped', () => {
    const a = testBoard(1)
    addCard(a, { id: 'x', stage: 'signed', title: 'x' }, alice)
    addCard(a, { id: 'q', stage: 'engaging', title: 'q' }, alice)
    addCard(a, { id: 'p', stage: 'engaging', title: 'p' }, alice)
    const b = replicaOf(a, 2)
    moveCard(a, 'q', { stage: 'signed', index: 1 }, alice)
    moveCard(b, 'p', { stage: 'signed', index: 1 }, bob)
    exchange(a, b)
    addCard(a, { id: 'n', stage: 'signed', title: 'n', index: 2 }, alice)
    expect(
      readCards(a)
        .filter((c) => c.placement.stage === 'signed')
        .map((c) => c.id),
    ).toEqual(['x', 'p', 'n', 'q'])
  })
})

/** One random operation a person could do on a board. */
const operation = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    stage: fc.integer({ min: 0, max: 2 }),
    index: fc.nat(6),
    title: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    op: fc.constant('move' as const),
    card: fc.nat(),
    stage: fc.integer({ min: 0, max: 2 }),
    index: fc.nat(6),
  }),
  fc.record({
    op: fc.constant('edit' as const),
    card: fc.nat(),
    title: fc.string({ maxLength: 8 }),
    risk: fc.constantFrom('on-track' as const, 'at-risk' as const, 'blocked' as const),
  }),
  fc.record({ op: fc.constant('archive' as const), card: fc.nat(), restore: fc.boolean() }),
  fc.record({
    op: fc.constant('stage' as const),
    stage: fc.integer({ min: 0, max: 2 }),
    index: fc.nat(3),
    name: fc.string({ maxLength: 6 }),
  }),
)
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

function apply(doc: Y.Doc, step: Operation, actor: string): void {
  const ctx = { actor, at: '2026-11-26T10:00:00.000Z' }
  const stages = readStages(doc).map((s) => s.id)
  const cards = readCards(doc).map((c) => c.id)
  const card = 'card' in step && cards.length > 0 ? cards[step.card % cards.length] : undefined
  switch (step.op) {
    case 'add':
      addCard(
        doc,
        { stage: stages[step.stage] ?? 'engaging', title: step.title, index: step.index },
        ctx,
      )
      return
    case 'move':
      if (card)
        moveCard(doc, card, { stage: stages[step.stage] ?? 'engaging', index: step.index }, ctx)
      return
    case 'edit':
      if (card) editCard(doc, card, { title: step.title, risk: step.risk }, ctx)
      return
    case 'archive':
      if (card) (step.restore ? restoreCard : archiveCard)(doc, card, ctx)
      return
    case 'stage': {
      const stage = stages[step.stage]
      if (!stage) return
      moveStage(doc, stage, step.index, ctx)
      renameStage(doc, stage, { zh: step.name, en: step.name }, ctx)
      return
    }
  }
}

// Fixed seeds so CI is reproducible; a failing seed found later is added here as a regression.
const SEEDS = [1, 7, 42, 1337, 20161108, 99991]

describe('random concurrent editing', () => {
  it.each(SEEDS)(
    'three replicas converge after exchanging updates in random order (seed %i)',
    (seed) => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), operation), {
            minLength: 1,
            maxLength: 40,
          }),
          fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), {
            maxLength: 10,
          }),
          (steps, syncs) => {
            const origin = testBoard(1)
            const docs = [replicaOf(origin, 10), replicaOf(origin, 11), replicaOf(origin, 12)]
            // Queue every update per receiver and deliver in a shuffled order, as a network might.
            const inbox: Uint8Array[][] = [[], [], []]
            docs.forEach((doc, i) =>
              doc.on('update', (update: Uint8Array, from: unknown) => {
                if (from === 'network') return
                inbox.forEach((queue, j) => j !== i && queue.push(update))
              }),
            )
            steps.forEach(([who, step], n) => {
              apply(docs[who] as Y.Doc, step, `user${who}`)
              const [x, y] = syncs[n] ?? []
              if (x !== undefined && y !== undefined && x !== y)
                deliver(docs[x] as Y.Doc, inbox[x] as Uint8Array[])
            })
            docs.forEach((doc, i) => deliver(doc, (inbox[i] as Uint8Array[]).reverse()))
            const views = docs.map(view)
            expect(views[1]).toBe(views[0])
            expect(views[2]).toBe(views[0])
            const snapshot = toSnapshot(docs[0] as Y.Doc)
            expect(new Set(snapshot.cards.map((c) => c.id)).size).toBe(snapshot.cards.length)
          },
        ),
        { seed, numRuns: 25 },
      )
    },
  )
})

function deliver(doc: Y.Doc, queue: Uint8Array[]): void {
  while (queue.length > 0) Y.applyUpdate(doc, queue.shift() as Uint8Array, 'network')
}
