// How access rows (the same columns in SQLite and PostgreSQL) map to the AccessStore types.
import type { ShareLink, User, UserRecord } from '../access/store.js'

export interface UserRow {
  id: string
  name: string
  display_name: string
  password_hash: string
  created_at: string
}
export interface LinkRow {
  id: string
  board_id: string
  label: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
}

export const toUser = (r: UserRow): User => ({
  id: r.id,
  name: r.name,
  displayName: r.display_name,
  createdAt: r.created_at,
})
export const toRecord = (r: UserRow): UserRecord => ({
  ...toUser(r),
  passwordHash: r.password_hash,
})
export const toLink = (r: LinkRow): ShareLink => ({
  id: r.id,
  boardId: r.board_id,
  role: 'viewer',
  label: r.label,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
})
