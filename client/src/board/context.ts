// One open board's state and intents, provided to its components (the solid-realworld pattern:
// components read `state` and call `actions`; none of them touches Yjs).
import { createContext, useContext, type Accessor } from 'solid-js'
import type { BoardActions } from './actions'
import type { PresenceTracker } from './presence'
import type { Link, SyncStatus } from './session'
import type { BoardState } from './store'
import type { Card } from '../../../shared/schema.js'
import type { UndoHistory } from './undo'

export interface CardFilter {
  readonly text: string
  readonly officer: string
  readonly risk: string
  readonly tag: string
  /** Only cards this person changed (from the server's audit trail). */
  readonly changedBy: string
}

export interface BoardUi {
  readonly openCard: Accessor<string | null>
  setOpenCard(id: string | null): void
  readonly filter: Accessor<CardFilter>
  setFilter(next: Partial<CardFilter>): void
  /** Card ids the audit trail says `filter().changedBy` changed; null when not filtering by it. */
  readonly changedCards: Accessor<ReadonlySet<string> | null>
  /** Everyone the audit trail names on this board, for the "changed by" filter. */
  readonly auditActors: Accessor<readonly string[]>
  /** Cards marked on the board, e.g. those changed since a compared snapshot. */
  readonly highlighted: Accessor<ReadonlySet<string>>
  setHighlighted(ids: ReadonlySet<string>): void
}

export interface BoardContextValue {
  readonly boardId: string
  /**
   * False for viewers: every editing control is hidden, and the server drops their writes. It
   * follows the person's role live, so read it where it is used (JSX, effects, handlers), never
   * once into a variable.
   */
  readonly canEdit: boolean
  readonly state: Readonly<BoardState>
  /** A card as a plain object, tracked as a whole (see BoardStore.card): for the tiles. */
  card(id: string): Card | undefined
  readonly actions: BoardActions
  /** synced is live; any other status means the board on screen may be out of date. */
  readonly status: Accessor<SyncStatus>
  readonly link: Accessor<Link>
  readonly presence: PresenceTracker
  readonly history: UndoHistory
  readonly ui: BoardUi
}

export const BoardContext = createContext<BoardContextValue>()

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoard outside a board page')
  return value
}
