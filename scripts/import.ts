// Import CLI: `npm run import -- <file> --board <boardId>` replaces a board's content with a
// snapshot file (or that board's snapshot in an "all boards" export file).
//
// The whole file is validated before the database is opened: on any error nothing changes and the
// message names the JSON path. The import is then ONE Yjs update appended to the board's log,
// computed against the stored document, so it is atomic and a server that loads the board later
// sees it like any other edit. A server that holds the board in memory right now would not see it
// (and would drop it when it next compacts), so the CLI refuses when the server on HOST:PORT
// reports the board loaded, and (SQLite) warns when some other process has the database file open.
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { parseImportText } from '../shared/import-file.js'
import { migrateDoc } from '../shared/migrate.js'
import type { BoardId } from '../shared/sectors.js'
import { fromSnapshot, parseSnapshot, toSnapshot, type Snapshot } from '../shared/snapshot.js'
import { readConfig, type Config } from '../server/config.js'
import { loadBoardDoc } from '../server/room/load.js'
import { createStorage } from '../server/storage/create.js'
import type { SnapshotInfo } from '../server/storage/snapshot-store.js'
import { boardIdOf, CliError, readBoardSnapshot, runCli, UsageError } from './board-cli.js'

const USAGE = `usage: npm run import -- <file> --board <boardId>

  Replaces the board's whole content with the snapshot in <file>: a board snapshot
  ("sector-board/snapshot") or an export of several boards ("sector-board/export"), from which
  the board's own snapshot is taken. The file is checked first; on any error nothing changes.
  The board as it was is saved first, under DATA_DIR/backups/ and as an automatic named snapshot
  ("before import of <file>"), so the import can be undone by importing that file or by
  restoring that snapshot.

  A running server must not hold the board in memory: stop it, or let the board go idle.

Environment: DATABASE_URL and DATABASE_SCHEMA (PostgreSQL), else DATA_DIR (database folder);
HOST/PORT (where a running server would answer); DATA_DIR/backups/ holds the backup file.`

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

interface ServerState {
  readonly url: string
  readonly loadedBoards: readonly string[]
}

/** Asks a server on HOST:PORT which boards it holds; null when none answers. */
async function probeServer(config: Config): Promise<ServerState | null> {
  if (config.port === 0) return null
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
    const body = (await res.json()) as { ok?: unknown; loadedBoards?: unknown }
    if (body.ok !== true || !Array.isArray(body.loadedBoards)) return null
    return { url, loadedBoards: body.loadedBoards.map(String) }
  } catch {
    return null
  }
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
  // SQLite keeps a -wal file while any connection is open (or after a crash). PostgreSQL is
  // always shared, so there is nothing to learn from it.
  const othersOpen = !config.databaseUrl && fs.existsSync(`${config.sqliteFile}-wal`)
  const server = await probeServer(config)
  if (server?.loadedBoards.includes(boardId))
    throw new CliError(
      `the server at ${server.url} holds board ${boardId} in memory and would not see this ` +
        `import (and would overwrite it). Stop the server, or wait until nobody has the board ` +
        `open and it has been unloaded (ROOM_IDLE_MS), then run this again. Nothing was changed.`,
    )
  if (server)
    console.error(
      `note: the server at ${server.url} does not hold board ${boardId} now; it loads the ` +
        `import the next time someone opens the board.`,
    )
  else if (othersOpen)
    console.error(
      `warning: another process has ${config.sqliteFile} open, perhaps a server on another ` +
        `HOST/PORT. If a server holds board ${boardId} in memory now, it does not see this ` +
        `import and may drop it when it next stores the board: stop it and import again.`,
    )

  // Boards and named snapshots, on one connection to the server's database.
  const storage = await createStorage(config)
  const store = storage.boards
  try {
    const before = await readBoardSnapshot(store, boardId)
    const { doc } = await loadBoardDoc(store, boardId)
    // One update holding the whole replacement (and any migration of an older snapshot),
    // computed against exactly what is stored.
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    doc.on('update', collect)
    try {
      fromSnapshot(doc, snapshot, { kind: 'import', actor: 'cli' })
      migrateDoc(doc)
    } finally {
      doc.off('update', collect)
    }
    const after = parseSnapshot(toSnapshot(doc))

    const backups = path.join(config.dataDir, 'backups')
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

    await store.append(boardId, Y.mergeUpdates(updates))
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`
    console.log(
      `imported ${count(after.cards.length, 'card')}, ${count(after.board.stages.length, 'stage')} ` +
        `and ${count(after.board.targets.length, 'target')} into board ${boardId}`,
    )
    console.log(`the board as it was is saved in ${backup}`)
    console.log(`and as the snapshot "${saved.name}" (${saved.id}) in the board's snapshot list`)
    console.log(`to undo: npm run import -- ${backup} --board ${boardId}, or restore that snapshot`)
  } finally {
    await storage.close()
  }
})
