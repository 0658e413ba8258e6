// Who else is on the board and which card each is editing, from y-protocols awareness.
import { createMemo, createSignal, type Accessor } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'
import type { Identity } from './identity'

export interface Presence {
  readonly clientId: number
  readonly name: string
  readonly color: string
  readonly editing: string | null
  /** Set by the server from the connection's real role. */
  readonly viewer: boolean
}

export interface PresenceTracker {
  /** Everyone else on the board (not this browser). */
  readonly others: Accessor<readonly Presence[]>
  /** Who else has this card open (one lookup per card, however many cards are on the board). */
  editorsOf(cardId: string): readonly Presence[]
  setIdentity(identity: Identity): void
  setEditing(cardId: string | null): void
  destroy(): void
}

function toPresence(clientId: number, state: Record<string, unknown>): Presence | null {
  const user = state.user as { name?: unknown; color?: unknown } | undefined
  if (!user || typeof user.name !== 'string') return null
  return {
    clientId,
    name: user.name.slice(0, 40),
    color: typeof user.color === 'string' ? user.color : '#888',
    editing: typeof state.editing === 'string' ? state.editing : null,
    viewer: state.role === 'viewer',
  }
}

const NOBODY: readonly Presence[] = []

export function createPresence(awareness: Awareness, identity: Identity): PresenceTracker {
  awareness.setLocalState({ user: identity, editing: null })
  const read = () =>
    [...awareness.getStates()]
      .filter(([id]) => id !== awareness.clientID)
      .map(([id, state]) => toPresence(id, state))
      .filter((p): p is Presence => p !== null)
  const [others, setOthers] = createSignal<readonly Presence[]>(read())
  const onChange = () => setOthers(read())
  const byCard = createMemo(() => {
    const map = new Map<string, Presence[]>()
    for (const p of others()) {
      if (p.editing === null) continue
      const list = map.get(p.editing) ?? []
      map.set(p.editing, [...list, p])
    }
    return map
  })
  awareness.on('change', onChange)
  return {
    others,
    editorsOf: (cardId) => byCard().get(cardId) ?? NOBODY,
    setIdentity: (next) => awareness.setLocalStateField('user', next),
    setEditing: (cardId) => awareness.setLocalStateField('editing', cardId),
    destroy() {
      awareness.off('change', onChange)
      awareness.setLocalState(null)
    },
  }
}
