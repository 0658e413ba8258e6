// What the export and import CLIs share: the server's board store (PostgreSQL or the file under
// DATA_DIR), boards read the way the server would show them, and one way to report errors and exit.
import * as Y from 'yjs'
import { migrateDoc } from '../shared/migrate.js'
import { BoardError } from '../shared/errors.js'
import { isBoardId, SECTORS, type BoardId } from '../shared/sectors.js'
import { seedBoard } from '../shared/seed/index.js'
import { toSnapshot, type Snapshot } from '../shared/snapshot.js'
import type { Config } from '../server/config.js'
import { loadBoardDoc } from '../server/room/load.js'
import { createStorage } from '../server/storage/create.js'
import type { BoardStore } from '../server/storage/store.js'

/** The command line was wrong: exit 2 and show the usage. */
export class UsageError extends Error {}
/** The command could not be done (unknown board, bad file…): exit 1. */
export class CliError extends Error {}

export function boardIdOf(value: string): BoardId {
  if (isBoardId(value)) return value
  throw new CliError(
    `unknown board "${value}"; the boards are ${SECTORS.map((s) => s.id).join(', ')}`,
  )
}

/** The board store of the server's database; closing it closes that database. */
export async function openBoardStore(config: Config): Promise<BoardStore> {
  const storage = await createStorage(config)
  return { ...storage.boards, close: () => storage.close() }
}

/** A board's seeded content, as the server fills a board that has nothing stored yet. */
export function seededDoc(boardId: BoardId): Y.Doc {
  const doc = new Y.Doc()
  seedBoard(doc, boardId)
  return doc
}

/**
 * The board as the server would serve it, without storing anything: the stored document brought
 * to the current schema, or the seeded board when nothing is stored yet (or no database exists).
 */
export async function readBoardSnapshot(
  store: BoardStore | null,
  boardId: BoardId,
): Promise<Snapshot> {
  const loaded = store ? await loadBoardDoc(store, boardId) : null
  const board = !loaded || loaded.empty ? seededDoc(boardId) : loaded.doc
  migrateDoc(board)
  return toSnapshot(board)
}

/** Runs a CLI: errors are printed as one line (plus the usage when the command line was wrong). */
export async function runCli(usage: string, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const isUsage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true
    console.error(
      error instanceof BoardError && error.code === 'invalid-snapshot'
        ? `error: invalid file: ${message}`
        : `error: ${message}`,
    )
    if (isUsage) console.error(`\n${usage}`)
    process.exitCode = isUsage ? 2 : 1
  }
}
