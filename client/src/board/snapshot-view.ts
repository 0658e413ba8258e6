// A named snapshot opened read-only in the board view: the snapshot is loaded into a local Y.Doc
// (never connected, never stored), so the same columns and cards render it. Nothing can change it.
import { createSignal, onCleanup } from 'solid-js'
import * as Y from 'yjs'
import { BoardError } from '../../../shared/errors.js'
import { fromSnapshot } from '../../../shared/snapshot.js'
import type { BoardActions } from './actions'
import type { BoardContextValue, CardFilter } from './context'
import { EMPTY_FILTER } from './filter'
import { createBoardStore } from './store'

const readOnly = (): never => {
  throw new BoardError('invalid-input', 'a snapshot is read-only')
}

export function openSnapshotView(boardId: string, snapshot: unknown): BoardContextValue {
  const doc = new Y.Doc()
  fromSnapshot(doc, snapshot, { kind: 'import', actor: 'snapshot view' })
  const store = createBoardStore(doc)
  const [openCard, setOpenCard] = createSignal<string | null>(null)
  const [filter, setFilterSignal] = createSignal<CardFilter>(EMPTY_FILTER)
  onCleanup(() => {
    store.dispose()
    doc.destroy()
  })
  const actions = new Proxy({} as BoardActions, { get: () => readOnly })
  return {
    boardId,
    canEdit: false,
    state: store.state,
    card: store.card,
    actions,
    status: () => 'synced',
    link: () => ({ status: 'synced' }),
    presence: {
      others: () => [],
      editorsOf: () => [],
      setIdentity: () => undefined,
      setEditing: () => undefined,
      destroy: () => undefined,
    },
    history: {
      canUndo: () => false,
      canRedo: () => false,
      undo: readOnly,
      redo: readOnly,
      endStep: () => undefined,
      destroy: () => undefined,
    },
    ui: {
      openCard,
      setOpenCard,
      filter,
      setFilter: (next) => setFilterSignal((current) => ({ ...current, ...next })),
      changedCards: () => null,
      auditActors: () => [],
      highlighted: () => new Set(),
      setHighlighted: () => undefined,
    },
  }
}
