// Import CLI: `npm run import -- <file> --board <boardId>` replaces a board's content with a
// snapshot file (or that board's snapshot in an "all boards" export file).
//
// The whole file is validated before the database is opened: on any error nothing changes and the
// message names the JSON path. The import is then ONE Yjs update appended to the board's log,
// computed against the stored document, so it is atomic and a server that loads the board later
// sees it like any other edit; what it changed goes into the audit trail, by `cli`. Servers holding the board in memory right now are reached as
// import-servers.ts says: with Redis the update is published to them like an instance's own, and
// without it the CLI refuses while the server on HOST:PORT holds the board.
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { parseImportText } from '../shared/import-file.js'
import { migrateDoc } from '../shared/migrate.js'
import type { Origin } from '../shared/origin.js'
import type { BoardId } from '../shared/sectors.js'
import { fromSnapshot, parseSnapshot, toSnapshot, type Snapshot } from '../shared/snapshot.js'
import { readConfig } from '../server/config.js'
import { auditOf } from '../server/history/audit-of.js'
import type { AuditEntry } from '../server/history/audit-store.js'
import { loadBoardDoc } from '../server/room/load.js'
import { createStorage, type Storage } from '../server/storage/create.js'
import type { SnapshotInfo } from '../server/storage/snapshot-store.js'
import { boardIdOf, CliError, readBoardSnapshot, runCli, UsageError } from './board-cli.js'
import { reachRunningServers, type RunningServers } from './import-servers.js'

const USAGE = `usage: npm run import -- <file> --board <boardId>

  Replaces the board's whole content with the snapshot in <file>: a board snapshot
  ("sector-board/snapshot") or an export of several boards ("sector-board/export"), from which
  the board's own snapshot is taken. The file is checked first; on any error nothing changes.
  The board as it was is saved first, under DATA_DIR/backups/ and as an automatic named snapshot
  ("before import of <file>"), so the import can be undone by importing that file or by
  restoring that snapshot.

  With DATABASE_URL and REDIS_URL (several instances), every server holding the board shows the
  import at once, as if an instance had stored it: give the servers' REDIS_PREFIX too. Without
  Redis, a running server must not hold the board in memory: stop it, or let the board go idle.

Environment: DATABASE_URL and DATABASE_SCHEMA (PostgreSQL), else DATA_DIR (database folder);
REDIS_URL and REDIS_PREFIX (as the servers have them), else HOST/PORT (where a running server
would answer); DATA_DIR/backups/ holds the backup file.`

/** The origin of the import's changes: the audit trail names the CLI as who made them. */
const CLI_IMPORT = { kind: 'import', actor: 'cli' } as const satisfies Origin

/** Reads and validates the file; the snapshot must be of `boardId`. */
function readSnapshotFile(file: string, boardId: BoardId): Snapshot {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`)
  }
  return parseImportText(text, boardId)
}

/**
 * Saves the board as it was (backup file and automatic named snapshot), appends the import as one
 * update, tells the running servers, and prints what was done and how to undo it.
 */
async function importInto(job: {
  readonly boardId: BoardId
  readonly file: string
  readonly snapshot: Snapshot
  readonly storage: Storage
  readonly servers: RunningServers
  readonly dataDir: string
}): Promise<void> {
  const { boardId, file, snapshot, storage, servers } = job
  const store = storage.boards
  const before = await readBoardSnapshot(store, boardId)
  const { doc } = await loadBoardDoc(store, boardId)
  // One update holding the whole replacement (and any migration of an older snapshot),
  // computed against exactly what is stored.
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => updates.push(update)
  doc.on('update', collect)
  let audit: AuditEntry[]
  try {
    // Recorded here, as a room records an HTTP import: no server sees this change being made.
    audit = auditOf(
      boardId,
      doc,
      () => {
        fromSnapshot(doc, snapshot, CLI_IMPORT)
        migrateDoc(doc)
      },
      (origin) => (origin === CLI_IMPORT ? CLI_IMPORT.actor : null),
    )
  } finally {
    doc.off('update', collect)
  }
  const after = parseSnapshot(toSnapshot(doc))

  const backups = path.join(job.dataDir, 'backups')
  fs.mkdirSync(backups, { recursive: true })
  const stamp = before.takenAt.replace(/[:.]/g, '-')
  const backup = path.join(backups, `${boardId}-${stamp}.json`)
  fs.writeFileSync(backup, `${JSON.stringify(before, null, 2)}\n`)
  // Also an automatic named snapshot, which the board's snapshot list can restore (live).
  const saved: SnapshotInfo = {
    id: `snap_${randomUUID()}`,
    boardId,
    name: `before import of ${path.basename(file)}`,
    takenAt: before.takenAt,
    takenBy: 'cli',
    automatic: true,
  }
  await storage.snapshots.save(saved, before)

  const update = Y.mergeUpdates(updates)
  const seq = await store.append(boardId, update)
  await storage.audit.append(audit)
  const delivered = await servers.announce(seq, update)
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`
  console.log(
    `imported ${count(after.cards.length, 'card')}, ${count(after.board.stages.length, 'stage')} ` +
      `and ${count(after.board.targets.length, 'target')} into board ${boardId}`,
  )
  if (delivered) console.log(delivered)
  console.log(`the board as it was is saved in ${backup}`)
  console.log(`and as the snapshot "${saved.name}" (${saved.id}) in the board's snapshot list`)
  console.log(`to undo: npm run import -- ${backup} --board ${boardId}, or restore that snapshot`)
}

await runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      board: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const [file, ...extra] = positionals
  if (file === undefined || extra.length > 0) throw new UsageError('give one file to import')
  if (values.board === undefined) throw new UsageError('--board <boardId> is required')
  const boardId = boardIdOf(values.board)
  const snapshot = readSnapshotFile(file, boardId)

  const config = readConfig()
  const servers = await reachRunningServers(config, boardId)
  try {
    // Boards and named snapshots, on one connection to the server's database.
    const storage = await createStorage(config)
    try {
      await importInto({ boardId, file, snapshot, storage, servers, dataDir: config.dataDir })
    } finally {
      await storage.close()
    }
  } finally {
    await servers.close()
  }
})
