// The board store: a read-only Solid projection of one board's Y.Doc. Each transaction refreshes
// only what it touched (reconcile keeps untouched cards' identity), so editing one card re-runs
// only what reads that card. Writes never go through the store: see actions.ts.
import { batch } from 'solid-js'
import { createStore, reconcile, type SetStoreFunction } from 'solid-js/store'
import type * as Y from 'yjs'
import { touchedBy } from '../../../shared/changes.js'
import { cardsOf } from '../../../shared/doc.js'
import { compareRanked } from '../../../shared/rank.js'
import {
  readCard,
  readMeta,
  readStages,
  readTargets,
  type BoardMeta,
} from '../../../shared/read.js'
import type { Card, Stage, Target } from '../../../shared/schema.js'

/** Solid store proxies are read-only to components; only this module sets them. */
export interface BoardState {
  meta: BoardMeta | null
  stages: Stage[]
  targets: Target[]
  cards: Record<string, Card>
  /** Live card ids per stage id, in board order. */
  columns: Record<string, string[]>
  /** Archived card ids, most recently updated first. */
  archived: string[]
}

export interface BoardStore {
  readonly state: Readonly<BoardState>
  dispose(): void
}

const emptyState = (): BoardState => ({
  meta: null,
  stages: [],
  targets: [],
  cards: {},
  columns: {},
  archived: [],
})

export function createBoardStore(doc: Y.Doc): BoardStore {
  const [state, setState] = createStore<BoardState>(emptyState())
  refreshAll(doc, setState)
  const onTransaction = (transaction: Y.Transaction) => {
    const touched = touchedBy(doc, transaction)
    if (touched.meta) setState('meta', reconcile(readMeta(doc)))
    if (touched.stages.size > 0) setState('stages', reconcile(readStages(doc), { key: 'id' }))
    if (touched.targets.size > 0) setState('targets', reconcile(readTargets(doc), { key: 'id' }))
    if (touched.cards.size === 0 && touched.stages.size === 0) return
    batch(() => {
      for (const id of touched.cards) {
        const card = cardsOf(doc).get(id)
        if (card) setState('cards', id, reconcile(readCard(id, card)))
        else setState('cards', id, undefined as never)
      }
      const next = placement(state.stages, state.cards)
      setState('columns', reconcile(next.columns))
      setState('archived', reconcile(next.archived))
    })
  }
  doc.on('afterTransaction', onTransaction)
  return { state, dispose: () => doc.off('afterTransaction', onTransaction) }
}

function refreshAll(doc: Y.Doc, setState: SetStoreFunction<BoardState>): void {
  const cards: Record<string, Card> = {}
  cardsOf(doc).forEach((card, id) => (cards[id] = readCard(id, card)))
  const stages = readStages(doc)
  setState(
    reconcile({
      meta: readMeta(doc),
      stages,
      targets: readTargets(doc),
      cards,
      ...placement(stages, cards),
    }),
  )
}

/** Column membership and order derived from the cards' placements. */
function placement(
  stages: readonly Stage[],
  cards: Readonly<Record<string, Card | undefined>>,
): Pick<BoardState, 'columns' | 'archived'> {
  const columns: Record<string, { id: string; rank: string }[]> = {}
  for (const stage of stages) columns[stage.id] = []
  const archived: Card[] = []
  for (const card of Object.values(cards)) {
    if (!card) continue
    if (card.archived) archived.push(card)
    else (columns[card.placement.stage] ??= []).push({ id: card.id, rank: card.placement.rank })
  }
  const ordered = Object.entries(columns).map(([stage, list]) => [
    stage,
    list.sort(compareRanked).map((c) => c.id),
  ])
  return {
    columns: Object.fromEntries(ordered) as Record<string, string[]>,
    archived: archived.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)).map((c) => c.id),
  }
}
