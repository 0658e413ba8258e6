// What changed between two snapshots of a board: cards added, archived, restored, moved between
// stages, and fields changed with before and after values. Pure; used over HTTP and in the UI.
import type { Snapshot } from './snapshot.js'
import type { Card, CardFields } from './schema.js'

/** Fields a person edits, in the order a change list shows them. */
export const DIFFED_FIELDS = [
  'title',
  'company',
  'investment',
  'floorArea',
  'officer',
  'dueDate',
  'risk',
  'kind',
  'tags',
  'milestones',
  'notes',
] as const satisfies readonly (keyof CardFields)[]
export type DiffedField = (typeof DIFFED_FIELDS)[number]

export type CardChange =
  | { readonly kind: 'added'; readonly id: string; readonly title: string; readonly stage: string }
  | { readonly kind: 'removed'; readonly id: string; readonly title: string }
  | { readonly kind: 'archived' | 'restored'; readonly id: string; readonly title: string }
  | {
      readonly kind: 'moved'
      readonly id: string
      readonly title: string
      readonly from: string
      readonly to: string
    }
  | {
      readonly kind: 'changed'
      readonly id: string
      readonly title: string
      readonly field: DiffedField
      readonly before: unknown
      readonly after: unknown
    }

export interface BoardDiff {
  readonly boardId: string
  readonly from: string
  readonly to: string
  readonly changes: CardChange[]
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function cardChanges(before: Card | undefined, after: Card | undefined): CardChange[] {
  if (!before && after)
    return [{ kind: 'added', id: after.id, title: after.title, stage: after.placement.stage }]
  if (before && !after) return [{ kind: 'removed', id: before.id, title: before.title }]
  if (!before || !after) return []
  const { id, title } = after
  const changes: CardChange[] = []
  if (before.archived !== after.archived)
    changes.push({ kind: after.archived ? 'archived' : 'restored', id, title })
  if (before.placement.stage !== after.placement.stage)
    changes.push({
      kind: 'moved',
      id,
      title,
      from: before.placement.stage,
      to: after.placement.stage,
    })
  for (const field of DIFFED_FIELDS) {
    if (!same(before[field], after[field]))
      changes.push({
        kind: 'changed',
        id,
        title,
        field,
        before: before[field],
        after: after[field],
      })
  }
  return changes
}

/** Changes from `before` to `after`, in `after`'s board order (removed cards last). */
export function diffSnapshots(before: Snapshot, after: Snapshot): BoardDiff {
  const old = new Map(before.cards.map((c) => [c.id, c]))
  const now = new Set(after.cards.map((c) => c.id))
  const changes = [
    ...after.cards.flatMap((card) => cardChanges(old.get(card.id), card)),
    ...before.cards.filter((c) => !now.has(c.id)).flatMap((card) => cardChanges(card, undefined)),
  ]
  return { boardId: after.board.id, from: before.takenAt, to: after.takenAt, changes }
}
