// Opens a board for a page: session, store, intents, undo and presence over a local board that the
// page's route owns; all but the local board are disposed with the page. What the person may do
// follows `canEdit` live: a new role changes the controls, never the connection or the store.
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  onCleanup,
  type Accessor,
} from 'solid-js'
import { fetchAudit } from '../audit-api'
import type { Origin } from '../../../shared/origin.js'
import type { Role } from '../../../shared/roles.js'
import { createBoardActions } from './actions'
import type { BoardContextValue, CardFilter } from './context'
import { EMPTY_FILTER } from './filter'
import type { Identity } from './identity'
import { createPresence } from './presence'
import type { LocalBoard } from './local-board'
import { createBoardSession } from './session'
import { createBoardStore } from './store'
import { createUndoHistory } from './undo'

export interface OpenBoardOptions {
  readonly identity: () => Identity
  /** Whether this person may change the board now. */
  readonly canEdit: Accessor<boolean>
  /** The role this page believes it has, named on every connect. */
  readonly role: Accessor<Role>
  /** The server refused a change the local board holds (see BoardSessionOptions). */
  readonly onRefused: () => void
}

export function openBoard(
  boardId: string,
  local: LocalBoard,
  { identity, canEdit, role, onRefused }: OpenBoardOptions,
): BoardContextValue {
  const store = createBoardStore(local.doc)
  const session = createBoardSession(boardId, local, { onView: store.showView, role, onRefused })
  // One origin object per page: the undo history tracks exactly this browser's own changes.
  const origin: Origin = { kind: 'user', actor: identity().name }
  // A change made while the server's view is on screen first makes the doc the live board.
  const actions = createBoardActions(session.doc, origin, () => identity().name, {
    beforeChange: session.ensureLive,
    mayWrite: canEdit,
  })
  const history = createUndoHistory(session.doc, origin, canEdit)
  const presence = createPresence(session.awareness, identity())
  const [openCard, setOpenCardSignal] = createSignal<string | null>(null)
  const [filter, setFilterSignal] = createSignal<CardFilter>(EMPTY_FILTER)
  const [highlighted, setHighlighted] = createSignal<ReadonlySet<string>>(new Set())
  // The board's recent audit trail, fetched again whenever the "changed by" filter changes; first
  // once the board is live, so it never competes with the board itself for the server or the page.
  const [live, setLive] = createSignal(false)
  createEffect(() => session.status() === 'synced' && setLive(true))
  const [audit] = createResource(
    () => live() && { who: filter().changedBy },
    // Offline there is no trail to ask; the filter then lists nobody rather than failing.
    () => (navigator.onLine ? fetchAudit(boardId, { limit: 1000 }).catch(() => []) : []),
  )
  const changedCards = createMemo(() => {
    const who = filter().changedBy
    if (!who) return null
    return new Set((audit() ?? []).filter((e) => e.actor === who).map((e) => e.cardId))
  })
  const auditActors = createMemo(() => [...new Set((audit() ?? []).map((e) => e.actor))].sort())
  onCleanup(() => {
    presence.destroy()
    history.destroy()
    store.dispose()
    session.destroy()
  })
  return {
    boardId,
    get canEdit() {
      return canEdit()
    },
    state: store.state,
    card: store.card,
    actions,
    status: session.status,
    link: session.link,
    presence,
    history,
    ui: {
      openCard,
      setOpenCard(id) {
        // Opening or closing a card's editor ends an undo step: one card's edits are never
        // undone together with whatever came just before (a new card, another card's edits).
        history.endStep()
        setOpenCardSignal(id)
        presence.setEditing(id)
      },
      filter,
      setFilter: (next) => setFilterSignal((current) => ({ ...current, ...next })),
      highlighted,
      setHighlighted,
      changedCards,
      auditActors,
    },
  }
}
