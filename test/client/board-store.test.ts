// The client's board store is a fine-grained projection of the Y.Doc: an edit to one card re-runs
// only what reads that card, and edits arriving from another replica show up the same way.
import { createEffect, createRoot } from 'solid-js'
import { unwrap } from 'solid-js/store'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createBoardStore } from '../../client/src/board/store'
import { addCard, archiveCard, editCard, moveCard } from '../../shared/ops/cards.js'
import { removeStage } from '../../shared/ops/stages.js'
import { toSnapshot } from '../../shared/snapshot.js'
import { alice, bob, exchange, replicaOf, testBoard } from '../support/board.js'

/** Runs `body` with a store over `doc`; effects made through `track` run as they would on a page. */
function withStore(
  doc: Y.Doc,
  body: (store: ReturnType<typeof createBoardStore>, track: (fn: () => void) => void) => void,
) {
  const disposers: (() => void)[] = []
  // Effects inside a root first run when the root's setup returns, so each gets its own root.
  const track = (fn: () => void) =>
    disposers.push(
      createRoot((dispose) => {
        createEffect(fn)
        return dispose
      }),
    )
  const store = createRoot((dispose) => {
    disposers.push(dispose)
    return createBoardStore(doc)
  })
  try {
    body(store, track)
  } finally {
    store.dispose()
    disposers.forEach((dispose) => dispose())
  }
}

describe('board store', () => {
  it('editing one card does not re-run effects that read another card', () => {
    const doc = testBoard()
    const a = addCard(doc, { stage: 'engaging', title: 'A' }, alice)
    const b = addCard(doc, { stage: 'engaging', title: 'B' }, alice)
    withStore(doc, (store, track) => {
      const runs = { a: 0, b: 0 }
      track(() => {
        void store.state.cards[a]?.title
        void store.state.cards[a]?.risk
        runs.a++
      })
      track(() => {
        void store.state.cards[b]?.title
        runs.b++
      })
      expect(runs).toEqual({ a: 1, b: 1 })
      editCard(doc, b, { title: 'B renamed' }, bob)
      expect(store.state.cards[b]?.title).toBe('B renamed')
      expect(runs).toEqual({ a: 1, b: 2 })
      editCard(doc, a, { risk: 'blocked' }, bob)
      expect(runs).toEqual({ a: 2, b: 2 })
    })
  })

  it('a remote edit re-runs only what reads the edited card', () => {
    const doc = testBoard(1)
    const a = addCard(doc, { stage: 'engaging', title: 'A' }, alice)
    const b = addCard(doc, { stage: 'engaging', title: 'B' }, alice)
    const other = replicaOf(doc, 2)
    withStore(doc, (store, track) => {
      let readsOfA = 0
      track(() => {
        void store.state.cards[a]?.notes
        readsOfA++
      })
      editCard(other, b, { notes: 'from elsewhere' }, bob)
      exchange(doc, other)
      expect(store.state.cards[b]?.notes).toBe('from elsewhere')
      expect(readsOfA).toBe(1)
    })
  })

  it('keeps columns in board order and moves archived cards out of them', () => {
    const doc = testBoard()
    const a = addCard(doc, { stage: 'engaging', title: 'A' }, alice)
    const b = addCard(doc, { stage: 'engaging', title: 'B' }, alice)
    withStore(doc, (store, track) => {
      let signedRuns = 0
      track(() => {
        void [...(store.state.columns.signed ?? [])]
        signedRuns++
      })
      moveCard(doc, b, { stage: 'engaging', index: 0 }, bob)
      expect(store.state.columns.engaging).toEqual([b, a])
      expect(signedRuns).toBe(1)
      moveCard(doc, a, { stage: 'signed', index: 0 }, bob)
      expect(store.state.columns.signed).toEqual([a])
      expect(signedRuns).toBe(2)
      archiveCard(doc, a, bob)
      expect(store.state.columns.signed).toEqual([])
      expect(store.state.archived).toEqual([a])
    })
  })
})

describe('cards for the tiles (plain objects, one signal each)', () => {
  it('re-runs what reads a card when any of its fields changes, and nothing that reads another', () => {
    const doc = testBoard()
    const a = addCard(doc, { stage: 'engaging', title: 'A' }, alice)
    const b = addCard(doc, { stage: 'engaging', title: 'B' }, alice)
    withStore(doc, (store, track) => {
      const shown: string[] = []
      let runsB = 0
      track(() => {
        const card = store.card(a)
        shown.push(`${card?.title}/${card?.risk}`)
      })
      track(() => {
        void store.card(b)
        runsB++
      })
      editCard(doc, a, { title: 'A2' }, bob)
      editCard(doc, a, { risk: 'blocked' }, bob)
      expect(shown).toEqual(['A/on-track', 'A2/on-track', 'A2/blocked'])
      expect(runsB).toBe(1)
      // The same card the store shows, as a plain object.
      expect(store.card(a)).toEqual(unwrap(store.state.cards[a]))
      archiveCard(doc, b, bob)
      expect(runsB).toBe(2)
      expect(store.card(b)?.archived).toBe(true)
    })
  })
})

describe('cards left without a stage', () => {
  it('stay listed under their old stage id when the stage is removed concurrently', () => {
    const doc = testBoard(1)
    const other = replicaOf(doc, 2)
    const id = addCard(doc, { stage: 'engaging', title: 'wanderer' }, alice)
    exchange(doc, other)
    moveCard(doc, id, { stage: 'signed', index: 0 }, alice)
    removeStage(other, 'signed', bob)
    exchange(doc, other)
    withStore(doc, (store) => {
      expect(store.state.stages.map((s) => s.id)).not.toContain('signed')
      expect(store.state.columns.signed).toEqual([id])
    })
  })
})

describe('a whole board arriving at once (first sync, reload from IndexedDB)', () => {
  it('shows every card in its column in one update, and keeps untouched cards afterwards', () => {
    const server = testBoard(1)
    const ids = Array.from({ length: 300 }, (_, i) =>
      addCard(server, { stage: i % 2 ? 'signed' : 'engaging', title: `card ${i}` }, alice),
    )
    archiveCard(server, ids[0] as string, alice)
    const page = new Y.Doc()
    withStore(page, (store, track) => {
      const seen: number[] = []
      track(() => seen.push((store.state.columns.engaging ?? []).length))
      expect(seen).toEqual([0])
      Y.applyUpdate(page, Y.encodeStateAsUpdate(server))
      // One run for the whole sync: the column never showed a half-loaded board.
      expect(seen).toEqual([0, 149])
      expect(store.state.columns.signed).toHaveLength(150)
      expect(store.state.archived).toEqual([ids[0]])
      expect(store.state.columns.engaging).toEqual(ids.filter((_, i) => i % 2 === 0 && i !== 0))
      const before = store.state.cards[ids[2] as string]
      editCard(server, ids[4] as string, { title: 'renamed' }, bob)
      exchange(server, page)
      expect(store.state.cards[ids[4] as string]?.title).toBe('renamed')
      expect(store.state.cards[ids[2] as string]).toBe(before)
    })
  })
})

describe("the server's JSON view, drawn before the doc holds the board", () => {
  it('shows the board as the doc will, and the doc then takes over without redrawing what matches', () => {
    const server = testBoard(1)
    const ids = Array.from({ length: 40 }, (_, i) =>
      addCard(server, { stage: i % 2 ? 'signed' : 'engaging', title: `项目 ${i}` }, alice),
    )
    archiveCard(server, ids[0] as string, alice)
    const view = toSnapshot(server)
    const page = new Y.Doc()
    // What a store over a doc holding the board shows: the view must show the same.
    const expected = new Y.Doc()
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(server))
    withStore(expected, (fromDoc) => {
      withStore(page, (store, track) => {
        store.showView(view)
        expect(unwrap(store.state)).toEqual(unwrap(fromDoc.state))

        const tile: (string | undefined)[] = []
        track(() => tile.push(store.card(ids[4] as string)?.title))
        const runs = { kept: 0, renamed: 0 }
        track(() => {
          void store.state.cards[ids[2] as string]?.title
          runs.kept++
        })
        track(() => {
          void store.state.cards[ids[4] as string]?.title
          runs.renamed++
        })
        // The board changed between the view and the update the page applies next.
        editCard(server, ids[4] as string, { title: '改名' }, bob)
        Y.applyUpdate(page, Y.encodeStateAsUpdate(server))
        expect(store.state.cards[ids[4] as string]?.title).toBe('改名')
        expect(tile.at(-1)).toBe('改名')
        expect(tile[0]).toBe('项目 4')
        expect(runs).toEqual({ kept: 1, renamed: 2 })
        // From then on the store follows the doc as usual.
        editCard(server, ids[2] as string, { title: 'live' }, bob)
        exchange(server, page)
        expect(store.state.cards[ids[2] as string]?.title).toBe('live')
        expect(runs).toEqual({ kept: 2, renamed: 2 })
      })
    })
  })

  it('drops what the view showed and the doc does not hold', () => {
    const server = testBoard(1)
    const gone = addCard(server, { stage: 'engaging', title: 'gone' }, alice)
    const view = toSnapshot(server)
    const page = new Y.Doc()
    withStore(page, (store) => {
      store.showView(view)
      expect(store.state.columns.engaging).toContain(gone)
      Y.applyUpdate(page, Y.encodeStateAsUpdate(testBoard(1)))
      expect(store.state.cards[gone]).toBeUndefined()
      expect(store.state.columns.engaging).not.toContain(gone)
    })
  })

  it('stays through a change that leaves the doc empty (an empty stored copy loading)', () => {
    const server = testBoard(1)
    const card = addCard(server, { stage: 'engaging', title: 'still shown' }, alice)
    const page = new Y.Doc()
    withStore(page, (store) => {
      store.showView(toSnapshot(server))
      page.transact(() => undefined)
      expect(store.state.cards[card]?.title).toBe('still shown')
      expect(store.state.columns.engaging).toEqual([card])
    })
  })

  it('is ignored once the doc holds a board (a stored copy loaded first)', () => {
    const page = testBoard(1)
    const kept = addCard(page, { stage: 'engaging', title: 'kept here' }, alice)
    const other = testBoard(2)
    addCard(other, { stage: 'engaging', title: 'only in the view' }, alice)
    withStore(page, (store) => {
      store.showView(toSnapshot(other))
      expect(Object.keys(store.state.cards)).toEqual([kept])
    })
  })
})
