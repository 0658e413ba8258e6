import { describe, expect, it } from 'vitest'
import { BoardError } from '../../shared/errors.js'
import { addCard, archiveCard, editCard, moveCard, restoreCard } from '../../shared/ops/cards.js'
import { readCardById, readCards } from '../../shared/read.js'
import { alice, bob, testBoard } from '../support/board.js'

const titlesIn = (doc: ReturnType<typeof testBoard>, stage: string) =>
  readCards(doc)
    .filter((c) => c.placement.stage === stage && !c.archived)
    .map((c) => c.title)

describe('card operations', () => {
  it('creates a card with every field and audit data', () => {
    const doc = testBoard()
    const id = addCard(
      doc,
      {
        stage: 'engaging',
        title: '赛普克CAE云平台',
        company: '赛普克',
        investment: '12.5',
        floorArea: 3200,
        officer: '王伟',
        dueDate: '2026-12-31',
        risk: 'at-risk',
        tags: ['cloud'],
        milestones: [{ id: 'm1', title: '开工', date: '2026-06-01', done: false }],
        kind: 'platform',
      },
      alice,
    )
    expect(readCardById(doc, id)).toEqual({
      id,
      title: '赛普克CAE云平台',
      notes: '',
      company: '赛普克',
      investment: '12.5',
      floorArea: 3200,
      officer: '王伟',
      dueDate: '2026-12-31',
      risk: 'at-risk',
      tags: ['cloud'],
      milestones: [{ id: 'm1', title: '开工', date: '2026-06-01', done: false }],
      kind: 'platform',
      placement: { stage: 'engaging', rank: expect.any(String) },
      archived: false,
      createdAt: alice.at,
      createdBy: 'alice',
      updatedAt: alice.at,
      updatedBy: 'alice',
    })
  })

  it('places new cards at the end of the stage, or at an index', () => {
    const doc = testBoard()
    addCard(doc, { stage: 'engaging', title: 'A' }, alice)
    addCard(doc, { stage: 'engaging', title: 'C' }, alice)
    addCard(doc, { stage: 'engaging', title: 'B', index: 1 }, alice)
    addCard(doc, { stage: 'engaging', title: 'first', index: 0 }, alice)
    expect(titlesIn(doc, 'engaging')).toEqual(['first', 'A', 'B', 'C'])
  })

  it('edits fields, diffing text so only the changed part is replaced', () => {
    const doc = testBoard()
    const id = addCard(doc, { stage: 'engaging', title: 'Kingsoft cloud', notes: 'phase 1' }, alice)
    editCard(
      doc,
      id,
      { title: 'Kingsoft cloud computing center', risk: 'blocked', investment: '3' },
      bob,
    )
    const card = readCardById(doc, id)
    expect(card).toMatchObject({
      title: 'Kingsoft cloud computing center',
      notes: 'phase 1',
      risk: 'blocked',
      investment: '3',
      updatedBy: 'bob',
      updatedAt: bob.at,
      createdBy: 'alice',
    })
  })

  it('updates tags and milestones by difference', () => {
    const doc = testBoard()
    const id = addCard(
      doc,
      {
        stage: 'engaging',
        title: 'x',
        tags: ['a', 'b'],
        milestones: [{ id: 'm1', title: 'sign', date: null, done: false }],
      },
      alice,
    )
    editCard(
      doc,
      id,
      {
        tags: ['b', 'c'],
        milestones: [
          { id: 'm1', title: 'sign', date: '2026-03-01', done: true },
          { id: 'm2', title: 'build', date: null, done: false },
        ],
      },
      alice,
    )
    const card = readCardById(doc, id)
    expect(card?.tags).toEqual(['b', 'c'])
    expect(card?.milestones).toEqual([
      { id: 'm1', title: 'sign', date: '2026-03-01', done: true },
      { id: 'm2', title: 'build', date: null, done: false },
    ])
  })

  it('moves a card between stages and within a stage', () => {
    const doc = testBoard()
    const a = addCard(doc, { stage: 'engaging', title: 'A' }, alice)
    addCard(doc, { stage: 'engaging', title: 'B' }, alice)
    addCard(doc, { stage: 'signed', title: 'S' }, alice)
    moveCard(doc, a, { stage: 'signed', index: 1 }, bob)
    expect(titlesIn(doc, 'engaging')).toEqual(['B'])
    expect(titlesIn(doc, 'signed')).toEqual(['S', 'A'])
    moveCard(doc, a, { stage: 'signed', index: 0 }, bob)
    expect(titlesIn(doc, 'signed')).toEqual(['A', 'S'])
    expect(readCardById(doc, a)?.updatedBy).toBe('bob')
  })

  it('archives instead of deleting, and restores', () => {
    const doc = testBoard()
    const id = addCard(doc, { stage: 'engaging', title: 'A' }, alice)
    archiveCard(doc, id, bob)
    expect(titlesIn(doc, 'engaging')).toEqual([])
    expect(readCardById(doc, id)?.archived).toBe(true)
    restoreCard(doc, id, alice)
    expect(titlesIn(doc, 'engaging')).toEqual(['A'])
  })

  it('refuses bad input with a clear error and changes nothing', () => {
    const doc = testBoard()
    const id = addCard(doc, { stage: 'engaging', title: 'A' }, alice)
    const before = JSON.stringify(readCards(doc))
    const attempts: [() => unknown, string][] = [
      [() => addCard(doc, { stage: 'nowhere', title: 'x' }, alice), 'no stage nowhere'],
      [() => editCard(doc, id, { investment: '1.5e3' }, alice), 'investment'],
      [() => editCard(doc, id, { floorArea: -1 }, alice), 'floorArea'],
      [() => editCard(doc, id, { risk: 'fine' as never }, alice), 'risk'],
      [() => editCard(doc, 'missing', { title: 'x' }, alice), 'no card missing'],
      [() => moveCard(doc, id, { stage: 'signed', index: -1 }, alice), 'index'],
      [() => addCard(doc, { id, stage: 'engaging', title: 'dup' }, alice), 'already exists'],
    ]
    for (const [attempt, message] of attempts) {
      expect(attempt).toThrow(BoardError)
      expect(attempt).toThrow(message)
    }
    expect(JSON.stringify(readCards(doc))).toBe(before)
  })

  it('tags every transaction with the acting user as origin', () => {
    const doc = testBoard()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr) => origins.push(tr.origin))
    const id = addCard(doc, { stage: 'engaging', title: 'A' }, alice)
    moveCard(doc, id, { stage: 'signed', index: 0 }, bob)
    expect(origins).toEqual([
      { kind: 'user', actor: 'alice' },
      { kind: 'user', actor: 'bob' },
    ])
  })
})
