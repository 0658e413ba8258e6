// The board's JSON kept card by card writes exactly what serialising the whole snapshot writes,
// after any sequence of edits, local or arriving from another replica, and after an import.
import fc from 'fast-check'
import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addCard, archiveCard, editCard, moveCard, restoreCard } from '../../shared/ops/cards.js'
import { moveStage, renameStage } from '../../shared/ops/stages.js'
import { fromSnapshot, toSnapshot } from '../../shared/snapshot.js'
import { followSnapshotJson } from '../../shared/snapshot-json.js'
import { alice, bob, exchange, replicaOf, testBoard } from '../support/board.js'

const textOf = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes)

const T = '2026-11-26T12:00:00.000Z'
const STAGES = ['engaging', 'signed', 'operating']

type Step =
  | { kind: 'add'; stage: number; title: string }
  | { kind: 'edit'; card: number; title: string; notes: string; risk: number; tags: string[] }
  | { kind: 'milestone'; card: number; title: string; done: boolean }
  | { kind: 'move'; card: number; stage: number; index: number }
  | { kind: 'archive'; card: number; restore: boolean }
  | { kind: 'stage'; stage: number; index: number; name: string }
  | { kind: 'remote'; card: number; notes: string }

const text = fc.string({ maxLength: 12 })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add'), stage: fc.nat(2), title: text }),
  fc.record({
    kind: fc.constant('edit'),
    card: fc.nat(20),
    title: text,
    notes: text,
    risk: fc.nat(2),
    tags: fc.array(fc.constantFrom('北斗', 'marine', 'ai'), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('milestone'), card: fc.nat(20), title: text, done: fc.boolean() }),
  fc.record({ kind: fc.constant('move'), card: fc.nat(20), stage: fc.nat(2), index: fc.nat(5) }),
  fc.record({ kind: fc.constant('archive'), card: fc.nat(20), restore: fc.boolean() }),
  fc.record({ kind: fc.constant('stage'), stage: fc.nat(2), index: fc.nat(2), name: text }),
  fc.record({ kind: fc.constant('remote'), card: fc.nat(20), notes: text }),
)

const RISKS = ['on-track', 'at-risk', 'blocked'] as const

function apply(doc: Y.Doc, ids: string[], s: Step): void {
  const id = ids.length > 0 ? ids[('card' in s ? s.card : 0) % ids.length]! : null
  switch (s.kind) {
    case 'add':
      ids.push(addCard(doc, { stage: STAGES[s.stage]!, title: s.title }, alice))
      return
    case 'stage':
      renameStage(doc, STAGES[s.stage]!, { zh: s.name || '阶段', en: s.name || 'stage' }, alice)
      moveStage(doc, STAGES[s.stage]!, s.index, alice)
      return
  }
  if (!id) return
  switch (s.kind) {
    case 'edit':
      editCard(
        doc,
        id,
        { title: s.title, notes: s.notes, risk: RISKS[s.risk]!, tags: s.tags },
        alice,
      )
      return
    case 'milestone':
      editCard(
        doc,
        id,
        { milestones: [{ id: 'm1', title: s.title, date: null, done: s.done }] },
        alice,
      )
      return
    case 'move':
      moveCard(doc, id, { stage: STAGES[s.stage]!, index: s.index }, alice)
      return
    case 'archive':
      if (s.restore) restoreCard(doc, id, alice)
      else archiveCard(doc, id, alice)
      return
    case 'remote': {
      // Another replica's change to a card's text, arriving as an update.
      const other = replicaOf(doc, 99)
      editCard(other, id, { notes: s.notes }, bob)
      exchange(doc, other)
    }
  }
}

describe('the board JSON kept card by card', () => {
  it('is the whole snapshot serialised, after any edits', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const doc = testBoard(1)
        const json = followSnapshotJson(doc)
        const ids: string[] = []
        expect(textOf(json.bytes(T))).toBe(JSON.stringify(toSnapshot(doc, T)))
        for (const s of steps) {
          apply(doc, ids, s)
          expect(textOf(json.bytes(T))).toBe(JSON.stringify(toSnapshot(doc, T)))
        }
        json.destroy()
      }),
      { numRuns: 60 },
    )
  })

  it('follows an import that replaces every card, and stops following once destroyed', () => {
    const doc = testBoard(1)
    for (let i = 0; i < 5; i++) addCard(doc, { stage: 'signed', title: `old ${i}` }, alice)
    const json = followSnapshotJson(doc)
    textOf(json.bytes(T))
    const source = testBoard(2)
    addCard(source, { stage: 'engaging', title: 'imported' }, bob)
    fromSnapshot(doc, toSnapshot(source, T), { kind: 'import', actor: 'bob' })
    expect(textOf(json.bytes(T))).toBe(JSON.stringify(toSnapshot(doc, T)))
    expect(JSON.parse(textOf(json.bytes(T))).cards.map((c: { title: string }) => c.title)).toEqual([
      'imported',
    ])
    json.destroy()
    const [card] = JSON.parse(textOf(json.bytes(T))).cards as { id: string }[]
    editCard(doc, card!.id, { title: 'changed after destroy' }, alice)
    expect(textOf(json.bytes(T))).not.toBe(JSON.stringify(toSnapshot(doc, T)))
  })
})
