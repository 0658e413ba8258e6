// The signed-in person (or share link) for the whole app, refreshed after signing in or out.
import { createContext, createResource, useContext, type Resource } from 'solid-js'
import type { Role } from '../../shared/roles.js'
import { fetchAccess, signIn, signOut, type AccessInfo } from './access'

export interface AccessStore {
  readonly info: Resource<AccessInfo>
  /** This caller's role on a board, or null when they may not open it. */
  roleFor(boardId: string): Role | null
  /** Asks the server again (after it said this person's access changed); settles once answered. */
  refresh(): Promise<void>
  signIn(userName: string, password: string): Promise<void>
  signOut(): Promise<void>
}

export function createAccessStore(): AccessStore {
  const [info, { mutate, refetch }] = createResource(fetchAccess)
  return {
    info,
    roleFor: (boardId) => info()?.roles[boardId] ?? null,
    async refresh() {
      await refetch()
    },
    async signIn(userName, password) {
      mutate(await signIn(userName, password))
    },
    async signOut() {
      await signOut()
      await refetch()
    },
  }
}

export const AccessContext = createContext<AccessStore>()

export function useAccess(): AccessStore {
  const value = useContext(AccessContext)
  if (!value) throw new Error('useAccess outside the app')
  return value
}
