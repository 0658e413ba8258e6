// What an import accepts: the text of a board snapshot ("sector-board/snapshot"), or of an export
// of several boards ("sector-board/export") from which the board's own snapshot is taken. Used by
// the import CLI and the server's import worker alike, so both refuse a file the same way.
import { BoardError } from './errors.js'
import { EXPORT_FORMAT, parseExportFile } from './export-format.js'
import { parseSnapshot, type Snapshot } from './snapshot.js'

/**
 * Validates the whole file, then returns the snapshot of `boardId` in it. On any error it throws
 * a BoardError ('invalid-snapshot') naming the JSON path and what was expected.
 */
export function snapshotForBoard(json: unknown, boardId: string): Snapshot {
  let snapshot: Snapshot
  let where = '$'
  if ((json as { format?: unknown } | null)?.format === EXPORT_FORMAT) {
    const boards = parseExportFile(json).boards
    const index = boards.findIndex((s) => s.board.id === boardId)
    const found = boards[index]
    if (!found)
      throw new BoardError(
        'invalid-snapshot',
        `the export holds no snapshot of board ${boardId} (it has ${
          boards.map((s) => s.board.id).join(', ') || 'none'
        })`,
        '$.boards',
      )
    snapshot = found
    where = `$.boards[${index}]`
  } else snapshot = parseSnapshot(json)
  if (snapshot.board.id !== boardId)
    throw new BoardError(
      'invalid-snapshot',
      `this is a snapshot of board ${snapshot.board.id}, not ${boardId}: a snapshot imports only ` +
        `into its own board (the six sector boards are fixed)`,
      `${where}.board.id`,
    )
  return snapshot
}

/** Parses the file's text (a leading byte-order mark is allowed), then as `snapshotForBoard`. */
export function parseImportText(text: string, boardId: string): Snapshot {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new BoardError('invalid-snapshot', `not JSON: ${(error as Error).message}`, '$')
  }
  return snapshotForBoard(json, boardId)
}
