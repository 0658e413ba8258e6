// Who else is on the board and which card each is editing, from y-protocols awareness.
import { createSignal, type Accessor } from 'solid-js'
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

export function createPresence(awareness: Awareness, identity: Identity): PresenceTracker {
  awareness.setLocalState({ user: identity, editing: null })
  const read = () =>
    [...awareness.getStates()]
      .filter(([id]) => id !== awareness.clientID)
      .map(([id, state]) => toPresence(id, state))
      .filter((p): p is Presence => p !== null)
  const [others, setOthers] = createSignal<readonly Presence[]>(read())
  const onChange = () => setOthers(read())
  awareness.on('change', onChange)
  return {
    others,
    setIdentity: (next) => awareness.setLocalStateField('user', next),
    setEditing: (cardId) => awareness.setLocalStateField('editing', cardId),
    destroy() {
      awareness.off('change', onChange)
      awareness.setLocalState(null)
    },
  }
}
