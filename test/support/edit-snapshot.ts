// Snapshot helpers for import tests: a copy of a board's snapshot with every kind of field changed
// (Chinese text included), and what a snapshot says about the board regardless of time and order.
import { generateKeyBetween } from 'fractional-indexing'
import type { Card } from '../../shared/schema.js'
import type { Snapshot } from '../../shared/snapshot.js'

/** What a snapshot says about the board, independent of when it was taken and of card order. */
export function content(s: Snapshot) {
  const byId = <T extends { id: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => a.id.localeCompare(b.id))
  return {
    board: { ...s.board, stages: byId(s.board.stages), targets: byId(s.board.targets) },
    cards: byId(s.cards),
  }
}

const T = '2026-11-26T09:30:00.000Z'

/** Changes every kind of field, adds cards (one in a stage the board no longer lists), a target. */
export function edited(s: Snapshot): Snapshot {
  const copy = structuredClone(s)
  const [first, second] = copy.cards as [Card, Card]
  Object.assign(first, {
    title: '青岛“蓝谷”海洋科技城，二期 · "Blue Valley", phase 2',
    notes: '第一行\n第二行, with a comma\n=not a formula here',
    company: '海尔集团 Haier',
    investment: '12.3456',
    floorArea: 2500.75,
    officer: '王伟',
    dueDate: '2027-03-31',
    risk: 'blocked',
    kind: 'platform',
    tags: ['北斗', 'deep-sea'],
    milestones: [
      { id: 'm1', title: '签约 signing', date: '2026-12-01', done: true },
      { id: 'm2', title: '开工', date: null, done: false },
    ],
    updatedAt: T,
    updatedBy: '李娜',
  })
  second.archived = true
  second.placement = { stage: 'completed', rank: 'a5' }
  const firstRank = copy.cards.find((c) => c.placement.stage === 'engaging')?.placement.rank
  const added: Card = {
    id: 'cli-added',
    title: '新增项目 · new project',
    notes: '',
    company: '',
    investment: '0.05',
    floorArea: null,
    officer: '',
    dueDate: null,
    risk: 'at-risk',
    tags: [],
    milestones: [],
    kind: 'event',
    placement: { stage: 'engaging', rank: generateKeyBetween(null, firstRank ?? null) },
    archived: false,
    createdAt: T,
    createdBy: '李娜',
    updatedAt: T,
    updatedBy: '李娜',
  }
  const orphan: Card = {
    ...added,
    id: 'cli-orphan',
    title: '阶段已删除 · stage removed',
    placement: { stage: 'removed-stage', rank: 'a0' },
  }
  copy.cards.push(added, orphan)
  const stage = copy.board.stages[0]
  if (stage) Object.assign(stage, { name: { zh: '洽谈中', en: 'In talks' }, wipLimit: 5 })
  copy.board.targets.push({
    id: 'cli-target',
    label: { zh: '签约项目', en: 'Signed projects' },
    unit: { zh: '个', en: 'projects' },
    target: 12,
    measure: { type: 'count-cards', stages: ['signed'], kinds: ['project'] },
    rank: 'a9',
  })
  return copy
}
