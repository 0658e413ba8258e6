import { describe, expect, it } from 'vitest'
import { diffSnapshots } from '../../shared/diff.js'
import { addCard, archiveCard, editCard, moveCard } from '../../shared/ops/cards.js'
import { toSnapshot } from '../../shared/snapshot.js'
import { alice, bob, testBoard } from '../support/board.js'

describe('what changed between two snapshots', () => {
  it('lists exactly the changes made between them', () => {
    const doc = testBoard()
    const kept = addCard(doc, { id: 'kept', stage: 'engaging', title: '不变的项目' }, alice)
    const moved = addCard(doc, { id: 'moved', stage: 'engaging', title: '日本发那科' }, alice)
    const edited = addCard(
      doc,
      { id: 'edited', stage: 'signed', title: '汉源微电子', investment: '1.5', tags: ['chips'] },
      alice,
    )
    const gone = addCard(doc, { id: 'gone', stage: 'signed', title: '归档项目' }, alice)
    const before = toSnapshot(doc, '2026-11-19T09:00:00.000Z')

    moveCard(doc, moved, { stage: 'signed', index: 0 }, bob)
    editCard(doc, edited, { investment: '2.25', tags: ['chips', 'fab'], risk: 'at-risk' }, bob)
    archiveCard(doc, gone, bob)
    addCard(doc, { id: 'new', stage: 'operating', title: '北斗大厦' }, bob)
    const after = toSnapshot(doc, '2026-11-26T09:00:00.000Z')

    const diff = diffSnapshots(before, after)
    expect(diff.from).toBe('2026-11-19T09:00:00.000Z')
    expect(diff.to).toBe('2026-11-26T09:00:00.000Z')
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        { kind: 'moved', id: moved, title: '日本发那科', from: 'engaging', to: 'signed' },
        {
          kind: 'changed',
          id: edited,
          title: '汉源微电子',
          field: 'investment',
          before: '1.5',
          after: '2.25',
        },
        {
          kind: 'changed',
          id: edited,
          title: '汉源微电子',
          field: 'risk',
          before: 'on-track',
          after: 'at-risk',
        },
        {
          kind: 'changed',
          id: edited,
          title: '汉源微电子',
          field: 'tags',
          before: ['chips'],
          after: ['chips', 'fab'],
        },
        { kind: 'archived', id: gone, title: '归档项目' },
        { kind: 'added', id: 'new', title: '北斗大厦', stage: 'operating' },
      ]),
    )
    expect(diff.changes).toHaveLength(6)
    expect(diff.changes.some((c) => c.id === kept)).toBe(false)
  })

  it('finds nothing between a snapshot and itself', () => {
    const doc = testBoard()
    addCard(doc, { stage: 'engaging', title: 'x' }, alice)
    const snapshot = toSnapshot(doc)
    expect(diffSnapshots(snapshot, snapshot).changes).toEqual([])
  })
})
