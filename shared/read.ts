// Plain-object views of a board document, for snapshots, the HTTP API and the client's store.
import type * as Y from 'yjs'
import {
  cardsOf,
  milestonesOf,
  metaOf,
  stagesOf,
  tagsOf,
  targetsOf,
  textOf,
  type CardMap,
} from './doc.js'
import { compareRanked } from './rank.js'
import type { Card, LocalizedText, Milestone, Placement, Stage, Target } from './schema.js'

export interface BoardMeta {
  readonly id: string
  readonly name: LocalizedText
  readonly schemaVersion: number
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaOf(doc)
  return {
    id: String(meta.get('boardId') ?? ''),
    name: (meta.get('name') as LocalizedText | undefined) ?? { zh: '', en: '' },
    schemaVersion: Number(meta.get('schemaVersion') ?? 0),
  }
}

export function readStages(doc: Y.Doc): Stage[] {
  const stages: Stage[] = []
  stagesOf(doc).forEach((stage, id) => {
    stages.push({
      id,
      name: stage.get('name') as LocalizedText,
      rank: String(stage.get('rank')),
      wipLimit: (stage.get('wipLimit') as number | null | undefined) ?? null,
    })
  })
  return stages.sort(compareRanked)
}

export function readCard(id: string, card: CardMap): Card {
  const milestones: Milestone[] = milestonesOf(card)
    .toArray()
    .map((m) => ({
      id: String(m.get('id')),
      title: String(m.get('title') ?? ''),
      date: (m.get('date') as string | null | undefined) ?? null,
      done: m.get('done') === true,
    }))
  return {
    id,
    title: textOf(card, 'title').toString(),
    notes: textOf(card, 'notes').toString(),
    company: String(card.get('company') ?? ''),
    investment: (card.get('investment') as string | null | undefined) ?? null,
    floorArea: (card.get('floorArea') as number | null | undefined) ?? null,
    officer: String(card.get('officer') ?? ''),
    dueDate: (card.get('dueDate') as string | null | undefined) ?? null,
    risk: card.get('risk') as Card['risk'],
    tags: tagsOf(card).toArray(),
    milestones,
    kind: card.get('kind') as Card['kind'],
    placement: card.get('placement') as Placement,
    archived: card.get('archived') === true,
    createdAt: String(card.get('createdAt')),
    createdBy: String(card.get('createdBy')),
    updatedAt: String(card.get('updatedAt')),
    updatedBy: String(card.get('updatedBy')),
  }
}

export function readCardById(doc: Y.Doc, id: string): Card | undefined {
  const card = cardsOf(doc).get(id)
  return card ? readCard(id, card) : undefined
}

/**
 * All cards in board order: by stage order, then (rank, id) within a stage. Cards whose stage
 * no longer exists come last, so nothing silently disappears.
 */
export function readCards(doc: Y.Doc, stages: readonly Stage[] = readStages(doc)): Card[] {
  const cards: Card[] = []
  cardsOf(doc).forEach((card, id) => cards.push(readCard(id, card)))
  return cards.sort(inBoardOrder(stages))
}

/** Compares cards by stage order, then (rank, id) within a stage; unknown stages come last. */
export function inBoardOrder(stages: readonly Stage[]): (a: Card, b: Card) => number {
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]))
  const indexOf = (c: Card) => stageIndex.get(c.placement.stage) ?? stages.length
  return (a, b) =>
    indexOf(a) - indexOf(b) ||
    compareRanked({ id: a.id, rank: a.placement.rank }, { id: b.id, rank: b.placement.rank })
}

export function readTargets(doc: Y.Doc): Target[] {
  const targets: Target[] = []
  targetsOf(doc).forEach((target) => targets.push(target as Target))
  return targets.sort(compareRanked)
}

/** A target's current value: typed in, or counted from live (unarchived) cards. */
export function targetProgress(target: Target, cards: readonly Card[]): number | null {
  const measure = target.measure
  if (measure.type === 'manual') return measure.current
  return cards.filter(
    (c) =>
      !c.archived &&
      (!measure.kinds || measure.kinds.includes(c.kind)) &&
      (!measure.stages || measure.stages.includes(c.placement.stage)) &&
      (!measure.tags || measure.tags.some((t) => c.tags.includes(t))),
  ).length
}
