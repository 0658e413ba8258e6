// Tables of the SQLite access store, and how its rows map to the AccessStore types.
import type { ShareLink, User, UserRecord } from '../access/store.js'

export const ACCESS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS access_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  INSERT OR IGNORE INTO access_meta (key, value) VALUES ('version', '0');
  CREATE TABLE IF NOT EXISTS access_user (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS access_grant (
    user_id TEXT NOT NULL,
    board_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
    PRIMARY KEY (user_id, board_id)
  );
  CREATE TABLE IF NOT EXISTS access_share_link (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    board_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role = 'viewer'),
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS access_session (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS access_session_by_user ON access_session (user_id);
`

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
