// The CPU-heavy half of an import, run in a worker thread (import-worker.ts): decode, parse and
// validate the file, then build the Yjs update that turns the board's current state into the
// file's content. The main thread only applies the finished update (see import.ts).
import * as Y from 'yjs'
import { BoardError } from '../../shared/errors.js'
import { parseImportText } from '../../shared/import-file.js'
import { migrateDoc } from '../../shared/migrate.js'
import { fromSnapshot } from '../../shared/snapshot.js'

export interface ImportInput {
  readonly boardId: string
  /** The uploaded file, UTF-8 JSON (a byte-order mark is allowed). */
  readonly body: Uint8Array
  /** `Y.encodeStateAsUpdate(room.doc)` when the import started. */
  readonly state: Uint8Array
  readonly actor: string
}

/** Cards per slice: each slice applies in tens of milliseconds, so other boards keep answering. */
export const CARDS_PER_SLICE = 250

export interface PreparedImport {
  /**
   * Only what the import adds and deletes, relative to `state`, in slices applied one after the
   * other: first the board itself (clearing the old content), then the cards, CARDS_PER_SLICE at a
   * time. New structs of a fresh client id, and deletions of items that `state` holds; applied to
   * the live doc after edits that arrived meanwhile, they merge with them (see import.ts).
   */
  readonly updates: Uint8Array[]
  readonly cards: number
}

/** What the worker posts back; errors cross the thread boundary as plain data. */
export type ImportOutcome =
  | ({ readonly ok: true } & PreparedImport)
  | {
      readonly ok: false
      readonly error: { readonly code: BoardError['code']; message: string; path: string }
    }

/** Throws BoardError('invalid-snapshot') naming the JSON path on any problem with the file. */
export function prepareImport({ boardId, body, state, actor }: ImportInput): PreparedImport {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw new BoardError('invalid-snapshot', 'not UTF-8 text', '$')
  }
  const snapshot = parseImportText(text, boardId)
  const doc = new Y.Doc({ gc: true })
  try {
    Y.applyUpdate(doc, state)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    // The board, then the cards in slices, then any migration of an older snapshot's schema.
    fromSnapshot(doc, snapshot, { kind: 'import', actor }, { cardsPerTransaction: CARDS_PER_SLICE })
    migrateDoc(doc)
    return { updates, cards: snapshot.cards.length }
  } finally {
    doc.destroy()
  }
}

/** The same, as the worker reports it: a BoardError becomes `{ ok: false, error }`. */
export function prepareImportOutcome(input: ImportInput): ImportOutcome {
  try {
    return { ok: true, ...prepareImport(input) }
  } catch (error) {
    if (!(error instanceof BoardError)) throw error
    return {
      ok: false,
      error: { code: error.code, message: error.message, path: error.path },
    }
  }
}
