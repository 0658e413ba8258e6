// The board store: a read-only Solid projection of one board's Y.Doc. Each transaction refreshes
// only what it touched (reconcile keeps untouched cards' identity), so editing one card re-runs
// only what reads that card. Writes never go through the store: see actions.ts.
import { batch, createSignal, type Signal } from 'solid-js'
import { $RAW, createStore, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import { touchedBy } from '../../../shared/changes.js'
import { cardsOf, defineBoardRoots, metaOf } from '../../../shared/doc.js'
import { compareRanked } from '../../../shared/rank.js'
import {
  readCard,
  readMeta,
  readStages,
  readTargets,
  type BoardMeta,
} from '../../../shared/read.js'
import type { Card, Stage, Target } from '../../../shared/schema.js'
import type { Snapshot } from '../../../shared/snapshot.js'

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
  /** Every officer and every tag named on a card, sorted (the filter bar's choices). */
  officers: string[]
  tags: string[]
}

export interface BoardStore {
  readonly state: Readonly<BoardState>
  /**
   * A card as a plain object (never a store proxy), tracked as a whole: a change to any of its
   * fields re-runs what read it. For what reads most fields of many cards (the tiles): one
   * signal per card instead of a proxy and a signal per field.
   */
  card(id: string): Card | undefined
  /**
   * Shows the server's JSON view of the board while the doc is still empty; the doc's first
   * change then replaces it (reconciled, so unchanged cards keep their identity and DOM).
   */
  showView(view: Snapshot): void
  dispose(): void
}

const emptyState = (): BoardState => ({
  meta: null,
  stages: [],
  targets: [],
  cards: {},
  columns: {},
  archived: [],
  officers: [],
  tags: [],
})

export function createBoardStore(doc: Y.Doc): BoardStore {
  // onTransaction tells changes apart by root (touchedBy).
  defineBoardRoots(doc)
  const [state, setState] = createStore<BoardState>(emptyState())
  // Plain copies of the projected cards and stages: column placement is derived from these, so a
  // transaction never reads thousands of cards back through the store's proxies.
  const cards = new Map<string, Card>()
  let stages: Stage[] = []

  /** Until the doc changes, what is shown is the server's view, not the doc. */
  let showingView = false
  /** One version signal per card something has read through `card`, bumped when it changes. */
  const versions = new Map<string, Signal<number>>()
  const bump = (id: string) => versions.get(id)?.[1]((n) => n + 1)
  const card = (id: string) => {
    let version = versions.get(id)
    if (!version) versions.set(id, (version = createSignal(0)))
    version[0]()
    return cards.get(id)
  }

  /** The whole state from plain parts; `cards` becomes exactly `all`. */
  const project = (meta: BoardMeta, nextStages: Stage[], targets: Target[], all: Card[]) => {
    cards.clear()
    for (const next of all) cards.set(next.id, next)
    versions.forEach((_, id) => bump(id))
    stages = nextStages
    return {
      meta,
      stages,
      targets,
      cards: Object.fromEntries(cards),
      ...placement(stages, cards.values()),
      ...choices(cards.values()),
    }
  }

  const refreshAll = () => {
    const all: Card[] = []
    cardsOf(doc).forEach((map, id) => all.push(readCard(id, map)))
    // One batch: the tiles' card signals and the store change together.
    batch(() =>
      setState(reconcile(plain(project(readMeta(doc), readStages(doc), readTargets(doc), all)))),
    )
  }

  /** Whether the doc holds a board yet (a view is shown only until it does). */
  const holdsBoard = () => metaOf(doc).size > 0 || cardsOf(doc).size > 0

  const showView = (view: Snapshot) => {
    // A doc that already holds a board (a stored copy, a first sync) is drawn instead.
    if (holdsBoard()) return
    const { stages: viewStages, targets, ...meta } = view.board
    // Set, not reconciled: nothing is shown yet to keep.
    setState(plain(project(meta, viewStages, targets, view.cards)))
    showingView = true
  }

  const onTransaction = (transaction: Y.Transaction) => {
    const touched = touchedBy(doc, transaction)
    if (touched.cards.size === 0 && touched.stages.size === 0) {
      if (touched.meta) setState('meta', reconcile(readMeta(doc)))
      if (touched.targets.size > 0) setState('targets', reconcile(readTargets(doc), { key: 'id' }))
      return
    }
    // One batch: whatever reads the board sees a whole transaction at once, never half of it.
    batch(() => {
      if (touched.meta) setState('meta', reconcile(readMeta(doc)))
      if (touched.targets.size > 0) setState('targets', reconcile(readTargets(doc), { key: 'id' }))
      if (touched.stages.size > 0) {
        stages = readStages(doc)
        setState('stages', reconcile(stages, { key: 'id' }))
      }
      const added: Record<string, Card> = {}
      let anyAdded = false
      for (const id of touched.cards) {
        const card = cardsOf(doc).get(id)
        const next = card ? readCard(id, card) : undefined
        const known = cards.has(id)
        if (next) cards.set(id, next)
        else cards.delete(id)
        bump(id)
        // A card new to this page (the first sync, a reload from IndexedDB, a card just added)
        // goes in with all the others in one merge; a known one is reconciled so that only its
        // changed fields notify.
        if (next && !known) {
          added[id] = next
          anyAdded = true
        } else if (known) setState('cards', id, next ? reconcile(next) : (undefined as never))
      }
      if (anyAdded) setState('cards', plain(added))
      const next = placement(stages, cards.values())
      setState('columns', reconcile(next.columns))
      setState('archived', reconcile(next.archived))
      const { officers, tags } = choices(cards.values())
      setState('officers', reconcile(officers))
      setState('tags', reconcile(tags))
    })
  }

  refreshAll()
  // After all of a call's transactions, and so after their 'update' events: a local edit goes to
  // the server (y-websocket sends on 'update') before this page re-renders for it.
  const onTransactions = (_: Y.Doc, transactions: Y.Transaction[]) => {
    if (!showingView) batch(() => transactions.forEach(onTransaction))
    // Loading an empty stored copy, say, changes nothing: the view stays until there is a board.
    else if (holdsBoard()) {
      showingView = false
      refreshAll()
    }
  }
  doc.on('afterAllTransactions', onTransactions)
  return {
    state,
    card,
    showView,
    dispose: () => doc.off('afterAllTransactions', onTransactions),
  }
}

/**
 * Marks a value built here from plain data (never from store proxies) as raw: Solid's setState
 * would otherwise walk all of it to replace proxies inside (about 40 ms for 2,000 cards).
 */
function plain<T extends object>(value: T): T {
  Object.defineProperty(value, $RAW, { value })
  return value
}

/** From the plain copies: reading thousands of cards through the store would track each one. */
function choices(cards: Iterable<Card>): Pick<BoardState, 'officers' | 'tags'> {
  const officers = new Set<string>()
  const tags = new Set<string>()
  for (const card of cards) {
    if (card.officer) officers.add(card.officer)
    for (const tag of card.tags) tags.add(tag)
  }
  return { officers: [...officers].sort(), tags: [...tags].sort() }
}

/** Column membership and order derived from the cards' placements. */
function placement(
  stages: readonly Stage[],
  cards: Iterable<Card>,
): Pick<BoardState, 'columns' | 'archived'> {
  const columns: Record<string, { id: string; rank: string }[]> = {}
  for (const stage of stages) columns[stage.id] = []
  const archived: Card[] = []
  for (const card of cards) {
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
