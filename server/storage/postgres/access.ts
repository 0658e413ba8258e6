// PostgreSQL implementation of AccessStore (same tables and rules as sqlite-access.ts). Tokens and
// session ids are stored only as sha256 digests, passwords only as scrypt hashes.
import type pg from 'pg'
import type { Role } from '../../../shared/roles.js'
import { DuplicateUserError, type AccessStore, type Grant } from '../../access/store.js'
import { newPublicId, newUserId } from '../../access/tokens.js'
import { toLink, toRecord, toUser, type LinkRow, type UserRow } from '../access-rows.js'
import { inTransaction } from './pool.js'

const USER_COLS = 'id, name, display_name, password_hash, created_at'
const LINK_COLS = 'id, board_id, label, created_at, expires_at, revoked_at'
const BUMP = "UPDATE access_meta SET value = (value::bigint + 1)::text WHERE key = 'version'"

export function pgAccessStore(pool: pg.Pool): AccessStore {
  const rows = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
    (await pool.query<R>(sql, values)).rows
  /** Runs the statements and bumps the version, atomically; resolves with rows changed. */
  const changing = (...statements: [string, unknown[]][]) =>
    inTransaction(pool, async (c) => {
      let changed = 0
      for (const [sql, values] of statements) changed += (await c.query(sql, values)).rowCount ?? 0
      await c.query(BUMP)
      return changed
    })
  const userWhere = async (where: string, value: string) => {
    const [row] = await rows<UserRow>(`SELECT ${USER_COLS} FROM access_user WHERE ${where}`, [
      value,
    ])
    return row
  }

  return {
    async version() {
      const [row] = await rows<{ value: string }>(
        "SELECT value FROM access_meta WHERE key = 'version'",
      )
      return Number(row?.value ?? 0)
    },
    async countUsers() {
      const [row] = await rows<{ n: number }>('SELECT COUNT(*)::int AS n FROM access_user')
      return row?.n ?? 0
    },
    async listUsers() {
      const all = await rows<UserRow>(
        `SELECT ${USER_COLS} FROM access_user ORDER BY lower(name) COLLATE "C"`,
      )
      return all.map(toUser)
    },
    async findUserByName(name) {
      const row = await userWhere('lower(name) = lower($1)', name)
      return row ? toRecord(row) : null
    },
    async findUserById(id) {
      const row = await userWhere('id = $1', id)
      return row ? toRecord(row) : null
    },
    async createUser({ name, displayName, passwordHash }) {
      const id = newUserId()
      try {
        await changing([
          `INSERT INTO access_user (${USER_COLS}) VALUES ($1, $2, $3, $4, $5)`,
          [id, name, displayName, passwordHash, new Date().toISOString()],
        ])
      } catch (error) {
        // 23505: unique_violation (the case-insensitive name index).
        if ((error as { code?: string }).code === '23505')
          throw new DuplicateUserError(`user "${name}" already exists`)
        throw error
      }
      return toUser((await userWhere('id = $1', id)) as UserRow)
    },
    async setPasswordHash(userId, hash) {
      await changing(
        ['UPDATE access_user SET password_hash = $1 WHERE id = $2', [hash, userId]],
        ['DELETE FROM access_session WHERE user_id = $1', [userId]],
      )
    },
    async removeUser(userId) {
      await changing(
        ['DELETE FROM access_session WHERE user_id = $1', [userId]],
        ['DELETE FROM access_grant WHERE user_id = $1', [userId]],
        ['DELETE FROM access_user WHERE id = $1', [userId]],
      )
    },
    async grantsOf(userId) {
      const all = await rows<{ board_id: string; role: Role }>(
        'SELECT board_id, role FROM access_grant WHERE user_id = $1 ORDER BY board_id COLLATE "C"',
        [userId],
      )
      return all.map((r): Grant => ({ userId, boardId: r.board_id, role: r.role }))
    },
    async setGrant({ userId, boardId, role }) {
      await changing([
        `INSERT INTO access_grant (user_id, board_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, board_id) DO UPDATE SET role = excluded.role`,
        [userId, boardId, role],
      ])
    },
    async removeGrant(userId, boardId) {
      const changed = await changing([
        'DELETE FROM access_grant WHERE user_id = $1 AND board_id = $2',
        [userId, boardId],
      ])
      return changed > 0
    },
    async createShareLink({ tokenHash, boardId, label, expiresAt }) {
      const [row] = await rows<LinkRow>(
        `INSERT INTO access_share_link (id, token_hash, board_id, role, label, created_at, expires_at)
         VALUES ($1, $2, $3, 'viewer', $4, $5, $6) RETURNING ${LINK_COLS}`,
        [newPublicId('sl'), tokenHash, boardId, label, new Date().toISOString(), expiresAt],
      )
      return toLink(row as LinkRow)
    },
    async findShareLinkByTokenHash(tokenHash) {
      const [row] = await rows<LinkRow>(
        `SELECT ${LINK_COLS} FROM access_share_link WHERE token_hash = $1`,
        [tokenHash],
      )
      return row ? toLink(row) : null
    },
    async listShareLinks() {
      const all = await rows<LinkRow>(
        `SELECT ${LINK_COLS} FROM access_share_link ORDER BY created_at COLLATE "C", id COLLATE "C"`,
      )
      return all.map(toLink)
    },
    async revokeShareLink(id) {
      const changed = await changing([
        'UPDATE access_share_link SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
        [new Date().toISOString(), id],
      ])
      return changed > 0
    },
    async createSession(idHash, { userId, createdAt, expiresAt }) {
      await pool.query(
        'INSERT INTO access_session (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [idHash, userId, createdAt, expiresAt],
      )
      // Expired sessions are dropped as new ones are made, so the table stays small.
      await pool.query('DELETE FROM access_session WHERE expires_at COLLATE "C" < $1', [
        new Date().toISOString(),
      ])
    },
    async findSession(idHash) {
      const [row] = await rows<{ user_id: string; created_at: string; expires_at: string }>(
        'SELECT user_id, created_at, expires_at FROM access_session WHERE id_hash = $1',
        [idHash],
      )
      return row
        ? { userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at }
        : null
    },
    async deleteSession(idHash) {
      await changing(['DELETE FROM access_session WHERE id_hash = $1', [idHash]])
    },
    async secret(name, create) {
      // Two instances starting at once may both propose one: the first stored wins for both.
      await pool.query(
        'INSERT INTO access_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
        [`secret:${name}`, create()],
      )
      const [row] = await rows<{ value: string }>('SELECT value FROM access_meta WHERE key = $1', [
        `secret:${name}`,
      ])
      return (row as { value: string }).value
    },
    async close() {},
  }
}
