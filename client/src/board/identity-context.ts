// This browser's identity for the whole app: read once, editable, announced to open boards.
import { createContext, createSignal, useContext, type Accessor } from 'solid-js'
import { loadIdentity, saveIdentity, type Identity } from './identity'

export interface IdentityStore {
  readonly current: Accessor<Identity>
  rename(name: string): void
  onChange(listener: (identity: Identity) => void): void
}

export function createIdentityStore(): IdentityStore {
  const [current, setCurrent] = createSignal(loadIdentity())
  const listeners = new Set<(identity: Identity) => void>()
  return {
    current,
    rename(name) {
      const trimmed = name.trim().slice(0, 40)
      if (!trimmed) return
      const next = { ...current(), name: trimmed }
      saveIdentity(next)
      setCurrent(next)
      for (const listener of listeners) listener(next)
    },
    onChange: (listener) => void listeners.add(listener),
  }
}

export const IdentityContext = createContext<IdentityStore>()

export function useIdentity(): IdentityStore {
  const value = useContext(IdentityContext)
  if (!value) throw new Error('useIdentity outside the app')
  return value
}
