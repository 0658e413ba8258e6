// Milestones are Y.Maps in a Y.Array keyed by id, so ticking one off and renaming another at the
// same time both survive.
import * as Y from 'yjs'
import { milestonesOf, type CardMap } from '../doc.js'
import type { Milestone } from '../schema.js'

export function milestoneMap(m: Milestone): Y.Map<unknown> {
  return new Y.Map<unknown>([
    ['id', m.id],
    ['title', m.title],
    ['date', m.date],
    ['done', m.done],
  ])
}

/** Reconciles the card's milestones with `next` by id: update in place, delete, append. */
export function writeMilestones(card: CardMap, next: readonly Milestone[]): void {
  const list = milestonesOf(card)
  const wanted = new Map(next.map((m) => [m.id, m]))
  for (let i = list.length - 1; i >= 0; i--) {
    if (!wanted.has(String(list.get(i).get('id')))) list.delete(i, 1)
  }
  const existing = new Map(list.toArray().map((m) => [String(m.get('id')), m]))
  for (const m of next) {
    const current = existing.get(m.id)
    if (!current) {
      list.push([milestoneMap(m)])
      continue
    }
    for (const key of ['title', 'date', 'done'] as const) {
      if (current.get(key) !== m[key]) current.set(key, m[key])
    }
  }
}
