// SQLite implementation of AccessStore, in the same database file as the boards. Tokens and
// session ids are stored only as sha256 digests, passwords only as scrypt hashes.
import type Database from 'better-sqlite3'
import type { Role } from '../../shared/roles.js'
import { DuplicateUserError, type AccessStore, type Grant } from '../access/store.js'
import { newPublicId, newUserId } from '../access/tokens.js'
import { toLink, toRecord, toUser, type LinkRow, type UserRow } from './access-rows.js'
import { ACCESS_SCHEMA } from './sqlite-access-schema.js'
import { openSqliteDatabase, type SqliteStoreOptions } from './sqlite.js'

/** An access store on its own connection to `file` (the admin CLI, tests). */
export function createSqliteAccessStore(file: string, options: SqliteStoreOptions = {}) {
  return sqliteAccessStore(openSqliteDatabase(file, options), { ownsDb: true })
}

export function sqliteAccessStore(
  db: Database.Database,
  { ownsDb }: { readonly ownsDb: boolean },
): AccessStore {
  db.exec(ACCESS_SCHEMA)
  const q = <P extends unknown[], R = unknown>(sql: string) => db.prepare<P, R>(sql)
  const getMeta = q<[string], { value: string }>('SELECT value FROM access_meta WHERE key = ?')
  const insertMeta = q<[string, string]>(
    'INSERT OR IGNORE INTO access_meta (key, value) VALUES (?, ?)',
  )
  const bump = q<[]>(
    "UPDATE access_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version'",
  )
  const userCols = 'id, name, display_name, password_hash, created_at'
  const userByName = q<[string], UserRow>(`SELECT ${userCols} FROM access_user WHERE name = ?`)
  const userById = q<[string], UserRow>(`SELECT ${userCols} FROM access_user WHERE id = ?`)
  const allUsers = q<[], UserRow>(`SELECT ${userCols} FROM access_user ORDER BY name`)
  const countUsers = q<[], { n: number }>('SELECT COUNT(*) AS n FROM access_user')
  const insertUser = q<[string, string, string, string, string]>(
    `INSERT INTO access_user (${userCols}) VALUES (?, ?, ?, ?, ?)`,
  )
  const linkCols = 'id, board_id, label, created_at, expires_at, revoked_at'
  const linkByHash = q<[string], LinkRow>(
    `SELECT ${linkCols} FROM access_share_link WHERE token_hash = ?`,
  )
  const linkById = q<[string], LinkRow>(`SELECT ${linkCols} FROM access_share_link WHERE id = ?`)
  const sessionById = q<[string], { user_id: string; created_at: string; expires_at: string }>(
    'SELECT user_id, created_at, expires_at FROM access_session WHERE id_hash = ?',
  )

  /** Runs `fn` and bumps the version, atomically. */
  const changing = <A extends unknown[], R>(fn: (...args: A) => R) =>
    db.transaction((...args: A) => {
      const result = fn(...args)
      bump.run()
      return result
    })

  const removeUser = changing((userId: string) => {
    db.prepare('DELETE FROM access_session WHERE user_id = ?').run(userId)
    db.prepare('DELETE FROM access_grant WHERE user_id = ?').run(userId)
    db.prepare('DELETE FROM access_user WHERE id = ?').run(userId)
  })
  const setPasswordHash = changing((userId: string, hash: string) => {
    db.prepare('UPDATE access_user SET password_hash = ? WHERE id = ?').run(hash, userId)
    db.prepare('DELETE FROM access_session WHERE user_id = ?').run(userId)
  })

  return {
    async version() {
      return Number(getMeta.get('version')?.value ?? 0)
    },
    async countUsers() {
      return countUsers.get()?.n ?? 0
    },
    async listUsers() {
      return allUsers.all().map(toUser)
    },
    async findUserByName(name) {
      const row = userByName.get(name)
      return row ? toRecord(row) : null
    },
    async findUserById(id) {
      const row = userById.get(id)
      return row ? toRecord(row) : null
    },
    async createUser({ name, displayName, passwordHash }) {
      const id = newUserId()
      try {
        changing(() =>
          insertUser.run(id, name, displayName, passwordHash, new Date().toISOString()),
        )()
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw new DuplicateUserError(`user "${name}" already exists`)
        throw error
      }
      return toUser(userById.get(id) as UserRow)
    },
    async setPasswordHash(userId, hash) {
      setPasswordHash(userId, hash)
    },
    async removeUser(userId) {
      removeUser(userId)
    },
    async grantsOf(userId) {
      return q<[string], { board_id: string; role: Role }>(
        'SELECT board_id, role FROM access_grant WHERE user_id = ? ORDER BY board_id',
      )
        .all(userId)
        .map((r): Grant => ({ userId, boardId: r.board_id, role: r.role }))
    },
    async setGrant({ userId, boardId, role }) {
      changing(() =>
        db
          .prepare(
            `INSERT INTO access_grant (user_id, board_id, role) VALUES (?, ?, ?)
             ON CONFLICT (user_id, board_id) DO UPDATE SET role = excluded.role`,
          )
          .run(userId, boardId, role),
      )()
    },
    async removeGrant(userId, boardId) {
      return changing(
        () =>
          db
            .prepare('DELETE FROM access_grant WHERE user_id = ? AND board_id = ?')
            .run(userId, boardId).changes > 0,
      )()
    },
    async createShareLink({ tokenHash, boardId, label, expiresAt }) {
      const id = newPublicId('sl')
      db.prepare(
        `INSERT INTO access_share_link (id, token_hash, board_id, role, label, created_at, expires_at)
         VALUES (?, ?, ?, 'viewer', ?, ?, ?)`,
      ).run(id, tokenHash, boardId, label, new Date().toISOString(), expiresAt)
      return toLink(linkById.get(id) as LinkRow)
    },
    async findShareLinkByTokenHash(tokenHash) {
      const row = linkByHash.get(tokenHash)
      return row ? toLink(row) : null
    },
    async listShareLinks() {
      return q<[], LinkRow>(`SELECT ${linkCols} FROM access_share_link ORDER BY created_at, id`)
        .all()
        .map(toLink)
    },
    async revokeShareLink(id) {
      return changing(
        () =>
          db
            .prepare(
              'UPDATE access_share_link SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
            )
            .run(new Date().toISOString(), id).changes > 0,
      )()
    },
    async createSession(idHash, { userId, createdAt, expiresAt }) {
      db.prepare(
        'INSERT INTO access_session (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ).run(idHash, userId, createdAt, expiresAt)
      // Expired sessions are dropped as new ones are made, so the table stays small.
      db.prepare('DELETE FROM access_session WHERE expires_at < ?').run(new Date().toISOString())
    },
    async findSession(idHash) {
      const row = sessionById.get(idHash)
      return row
        ? { userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at }
        : null
    },
    async deleteSession(idHash) {
      changing(() => db.prepare('DELETE FROM access_session WHERE id_hash = ?').run(idHash))()
    },
    async secret(name, create) {
      insertMeta.run(`secret:${name}`, create())
      return (getMeta.get(`secret:${name}`) as { value: string }).value
    },
    async close() {
      if (ownsDb) db.close()
    },
  }
}
