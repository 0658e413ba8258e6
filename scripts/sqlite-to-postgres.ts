// Copies a whole SQLite deployment into an empty PostgreSQL schema, in one transaction: each
// board as one merged state (its compacted state plus log), named snapshots, the audit trail, and
// users, grants, share links, sessions and secrets (so people stay signed in).
import type Database from 'better-sqlite3'
import type pg from 'pg'
import * as Y from 'yjs'
import { inTransaction } from '../server/storage/postgres/pool.js'

export interface CopyCounts {
  boards: number
  snapshots: number
  auditEntries: number
  users: number
  grants: number
  shareLinks: number
  sessions: number
}

/** The target already holds data; nothing was changed. */
export class TargetNotEmptyError extends Error {}

type Row = Record<string, unknown>

/** Multi-row inserts of at most 500 rows (PostgreSQL takes up to 65,535 parameters). */
async function insertRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  suffix = '',
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500)
    const tuples = batch.map(
      (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
    )
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`,
      batch.flat(),
    )
  }
}

export async function copySqliteToPostgres(
  src: Database.Database,
  pool: pg.Pool,
): Promise<CopyCounts> {
  const has = (table: string) =>
    src.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !==
    undefined
  const all = (table: string, order: string): Row[] =>
    has(table) ? src.prepare<[], Row>(`SELECT * FROM ${table} ORDER BY ${order}`).all() : []
  const pick = (rows: Row[], columns: readonly string[]) =>
    rows.map((r) => columns.map((c) => r[c]))

  return inTransaction(pool, async (c) => {
    // No server on this schema may add a board or user between the check and the copy.
    await c.query('LOCK TABLE board, board_state, access_user, board_snapshot IN EXCLUSIVE MODE')
    const { rows } = await c.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM board) + (SELECT count(*) FROM board_state) +
              (SELECT count(*) FROM access_user) + (SELECT count(*) FROM board_snapshot) AS n`,
    )
    if (Number(rows[0]?.n) > 0) throw new TargetNotEmptyError('the target already has data')

    // Boards: SQLite's sequence numbers are shared by all boards, PostgreSQL's are per board, so
    // each board arrives as one merged state at seq 1 (state and log merge losslessly).
    const states = all('board_state', 'board_id')
    const updates = all('board_update', 'seq')
    const parts = new Map<string, Uint8Array[]>()
    for (const s of states) parts.set(s.board_id as string, [s.state as Uint8Array])
    for (const u of updates) {
      const boardId = u.board_id as string
      parts.set(boardId, [...(parts.get(boardId) ?? []), u.payload as Uint8Array])
    }
    const now = new Date().toISOString()
    const boards = [...parts].map(([boardId, list]) => [boardId, Y.mergeUpdates(list)] as const)
    await insertRows(
      c,
      'board',
      ['board_id', 'last_seq'],
      boards.map(([id]) => [id, 1]),
    )
    await insertRows(
      c,
      'board_state',
      ['board_id', 'state', 'through_seq', 'compacted_at'],
      boards.map(([id, state]) => [id, state, 1, now]),
    )

    const snapshotCols = ['id', 'board_id', 'name', 'taken_at', 'taken_by', 'automatic', 'body']
    const snapshots = all('board_snapshot', 'rowid').map((r) => ({
      ...r,
      automatic: r.automatic === 1,
    }))
    await insertRows(c, 'board_snapshot', snapshotCols, pick(snapshots, snapshotCols))
    const auditCols = ['board_id', 'card_id', 'field', 'before_json', 'after_json', 'actor', 'at']
    const audit = all('board_audit', 'id')
    await insertRows(c, 'board_audit', auditCols, pick(audit, auditCols))

    const meta = all('access_meta', 'key')
    await insertRows(
      c,
      'access_meta',
      ['key', 'value'],
      pick(meta, ['key', 'value']),
      'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    const userCols = ['id', 'name', 'display_name', 'password_hash', 'created_at']
    const users = all('access_user', 'id')
    await insertRows(c, 'access_user', userCols, pick(users, userCols))
    const grantCols = ['user_id', 'board_id', 'role']
    const grants = all('access_grant', 'user_id, board_id')
    await insertRows(c, 'access_grant', grantCols, pick(grants, grantCols))
    const linkCols = [
      'id',
      'token_hash',
      'board_id',
      'role',
      'label',
      'created_at',
      'expires_at',
      'revoked_at',
    ]
    const links = all('access_share_link', 'id')
    await insertRows(c, 'access_share_link', linkCols, pick(links, linkCols))
    const sessionCols = ['id_hash', 'user_id', 'created_at', 'expires_at']
    const sessions = all('access_session', 'id_hash')
    await insertRows(c, 'access_session', sessionCols, pick(sessions, sessionCols))

    return {
      boards: boards.length,
      snapshots: snapshots.length,
      auditEntries: audit.length,
      users: users.length,
      grants: grants.length,
      shareLinks: links.length,
      sessions: sessions.length,
    }
  })
}
