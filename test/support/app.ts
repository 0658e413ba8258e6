// The Hono app over real rooms and in-memory SQLite stores, for route tests with app.request().
import type { AccessStore } from '../../server/access/store.js'
import type { AuditStore } from '../../server/history/audit-store.js'
import type { BoardStore } from '../../server/storage/store.js'
import {
  createSnapshotService,
  type SnapshotServiceOptions,
} from '../../server/history/snapshots.js'
import { createApp } from '../../server/http/app.js'
import type { Logger } from '../../server/log.js'
import { Rooms } from '../../server/room/rooms.js'
import { createSqliteAccessStore } from '../../server/storage/sqlite-access.js'
import { sqliteAuditStore } from '../../server/storage/sqlite-audit.js'
import { sqliteSnapshotStore } from '../../server/storage/sqlite-snapshots.js'
import { createSqliteStore, openSqliteDatabase } from '../../server/storage/sqlite.js'
import { seedBoard } from '../../shared/seed/index.js'
import { isBoardId } from '../../shared/sectors.js'
import { silentLog } from './log.js'

export const TEST_SECRET = 'a-test-secret-that-is-long-enough-to-sign'

/** Rooms over seeded sector boards, as the server runs them; storage in memory unless given. */
export function testRooms(
  opts: { store?: BoardStore; audit?: AuditStore; idleMs?: number } = {},
): Rooms {
  return new Rooms({
    audit: opts.audit,
    store: opts.store ?? createSqliteStore(':memory:'),
    log: silentLog,
    isKnownBoard: isBoardId,
    seed: (room) => isBoardId(room.boardId) && seedBoard(room.doc, room.boardId),
    migrate: () => undefined,
    idleMs: opts.idleMs ?? 60_000,
    compactEvery: 1000,
  })
}

/** With no access store given, a fresh one with no users: open mode, as on a loopback install. */
export function testApp(
  opts: {
    log?: Logger
    host?: string
    access?: AccessStore
    maxImportBytes?: number
    snapshotOptions?: SnapshotServiceOptions
  } = {},
) {
  const db = openSqliteDatabase(':memory:')
  const audit = sqliteAuditStore(db)
  const rooms = testRooms({ audit })
  const access = opts.access ?? createSqliteAccessStore(':memory:')
  const snapshots = createSnapshotService(rooms, sqliteSnapshotStore(db), opts.snapshotOptions)
  const app = createApp({
    rooms,
    log: opts.log ?? silentLog,
    access,
    snapshots,
    audit,
    sessionSecret: TEST_SECRET,
    host: opts.host,
    maxImportBytes: opts.maxImportBytes,
  })
  return { app, rooms, access, snapshots }
}
