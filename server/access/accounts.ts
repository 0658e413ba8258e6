// Account administration (users, grants, share links) with input checks, over an AccessStore.
// The admin CLI uses it; so can tests and any future admin routes. Errors are AccountErrors.
import { ROLES, type Role } from '../../shared/roles.js'
import { isBoardId } from '../../shared/sectors.js'
import { hashPassword, passwordProblem } from './password.js'
import {
  ALL_BOARDS,
  DuplicateUserError,
  type AccessStore,
  type ShareLink,
  type User,
} from './store.js'
import { hashToken, newToken } from './tokens.js'

export class AccountError extends Error {
  override name = 'AccountError'
}

const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export function checkBoardScope(boardId: string): string {
  if (boardId !== ALL_BOARDS && !isBoardId(boardId))
    throw new AccountError(`unknown board "${boardId}" (a board id, or * for all boards)`)
  return boardId
}

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role))
    throw new AccountError(`unknown role "${role}" (${ROLES.join(' or ')})`)
  return role as Role
}

/** "7d", "12h", "30m" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d{1,5})([dhm])$/.exec(text)
  if (!match) throw new AccountError(`bad duration "${text}" (e.g. 7d, 12h, 30m)`)
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm']
  const ms = Number(match[1]) * unit
  if (ms <= 0) throw new AccountError(`bad duration "${text}": must be longer than zero`)
  return ms
}

export function accounts(store: AccessStore) {
  async function userNamed(name: string) {
    const user = await store.findUserByName(name)
    if (!user) throw new AccountError(`no user "${name}"`)
    return user
  }
  function checkPassword(password: string) {
    const problem = passwordProblem(password)
    if (problem) throw new AccountError(problem)
  }

  return {
    async addUser(name: string, password: string, displayName = name): Promise<User> {
      if (!USER_NAME.test(name))
        throw new AccountError(
          `bad user name "${name}": letters, digits, . _ - (up to 64, starting with a letter or digit)`,
        )
      const display = displayName.trim()
      if (!display || display.length > 100)
        throw new AccountError('a display name needs 1 to 100 characters')
      checkPassword(password)
      try {
        return await store.createUser({
          name,
          displayName: display,
          passwordHash: await hashPassword(password),
        })
      } catch (error) {
        if (error instanceof DuplicateUserError) throw new AccountError(error.message)
        throw error
      }
    },

    /** Sets a new password and signs the user out everywhere. */
    async setPassword(name: string, password: string): Promise<void> {
      const user = await userNamed(name)
      checkPassword(password)
      await store.setPasswordHash(user.id, await hashPassword(password))
    },

    async removeUser(name: string): Promise<void> {
      await store.removeUser((await userNamed(name)).id)
    },

    async listUsers() {
      const users = await store.listUsers()
      return Promise.all(users.map(async (u) => ({ ...u, grants: await store.grantsOf(u.id) })))
    },

    async grant(name: string, boardId: string, role: string): Promise<void> {
      const user = await userNamed(name)
      await store.setGrant({
        userId: user.id,
        boardId: checkBoardScope(boardId),
        role: checkRole(role),
      })
    },

    async revoke(name: string, boardId: string): Promise<void> {
      const user = await userNamed(name)
      if (!(await store.removeGrant(user.id, checkBoardScope(boardId))))
        throw new AccountError(`user "${name}" has no grant on "${boardId}"`)
    },

    /** Creates a viewer share link; the token is returned once and never stored. */
    async createShareLink(
      boardId: string,
      options: { expiresInMs?: number; label?: string } = {},
    ): Promise<{ link: ShareLink; token: string }> {
      checkBoardScope(boardId)
      const token = newToken()
      const expiresAt =
        options.expiresInMs === undefined
          ? null
          : new Date(Date.now() + options.expiresInMs).toISOString()
      const label = (options.label ?? '').trim().slice(0, 200)
      const link = await store.createShareLink({
        tokenHash: hashToken(token),
        boardId,
        label,
        expiresAt,
      })
      return { link, token }
    },

    listShareLinks: () => store.listShareLinks(),

    async revokeShareLink(id: string): Promise<void> {
      if (!(await store.revokeShareLink(id))) throw new AccountError(`no active share link "${id}"`)
    },
  }
}

export type Accounts = ReturnType<typeof accounts>
