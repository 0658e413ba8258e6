// The access storage seam: users, per-board grants, share links, sessions and a change counter.
// Implemented for SQLite (server/storage/sqlite-access.ts) and PostgreSQL (storage/postgres/),
// both held to test/access/store-contract.ts.
import type { Role } from '../../shared/roles.js'

/** A board id, or `*` for every board. */
export type BoardScope = string
export const ALL_BOARDS = '*'

export interface User {
  readonly id: string
  /** Unique (case-insensitively); what people sign in with. */
  readonly name: string
  readonly displayName: string
  readonly createdAt: string
}

export interface UserRecord extends User {
  /** `scrypt$N$r$p$salt$hash` (see password.ts); never a password. */
  readonly passwordHash: string
}

export interface Grant {
  readonly userId: string
  readonly boardId: BoardScope
  readonly role: Role
}

export interface ShareLink {
  readonly id: string
  readonly boardId: BoardScope
  /** Share links only ever grant `viewer`. */
  readonly role: 'viewer'
  readonly label: string
  readonly createdAt: string
  readonly expiresAt: string | null
  readonly revokedAt: string | null
}

export interface Session {
  readonly userId: string
  readonly createdAt: string
  readonly expiresAt: string
}

export interface NewUser {
  readonly name: string
  readonly displayName: string
  readonly passwordHash: string
}

export interface NewShareLink {
  /** sha256 of the token (tokens.ts); the token itself is never stored. */
  readonly tokenHash: string
  readonly boardId: BoardScope
  readonly label: string
  readonly expiresAt: string | null
}

export class DuplicateUserError extends Error {
  override name = 'DuplicateUserError'
}

/**
 * Every change that can reduce someone's access (all but creating sessions and share links)
 * increments `version()` in the same transaction, so servers polling it notice changes made by
 * other processes (the admin CLI) and re-check their live connections.
 */
export interface AccessStore {
  version(): Promise<number>
  countUsers(): Promise<number>
  listUsers(): Promise<User[]>
  findUserByName(name: string): Promise<UserRecord | null>
  findUserById(id: string): Promise<UserRecord | null>
  /** Throws DuplicateUserError when the name is taken. */
  createUser(user: NewUser): Promise<User>
  /** Also ends every session of the user. */
  setPasswordHash(userId: string, passwordHash: string): Promise<void>
  /** Removes the user with their grants and sessions. */
  removeUser(userId: string): Promise<void>

  grantsOf(userId: string): Promise<Grant[]>
  setGrant(grant: Grant): Promise<void>
  /** Resolves false when there was no such grant. */
  removeGrant(userId: string, boardId: BoardScope): Promise<boolean>

  createShareLink(link: NewShareLink): Promise<ShareLink>
  findShareLinkByTokenHash(tokenHash: string): Promise<ShareLink | null>
  listShareLinks(): Promise<ShareLink[]>
  /** Resolves false when there is no such link or it was already revoked. */
  revokeShareLink(id: string): Promise<boolean>

  createSession(idHash: string, session: Session): Promise<void>
  findSession(idHash: string): Promise<Session | null>
  deleteSession(idHash: string): Promise<void>

  /** A named secret, created with `create()` the first time and kept from then on. */
  secret(name: string, create: () => string): Promise<string>
  close(): Promise<void>
}
