// Named snapshots of live boards: take one, list, read, compare with another or with now, restore
// a board to one, or import a file into it (both live for everyone, in one transaction, after
// keeping an automatic snapshot of what they replace). Everything reads and writes boards through
// their rooms, so it is stored first.
import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import { diffSnapshots, type BoardDiff } from '../../shared/diff.js'
import { BoardError } from '../../shared/errors.js'
import type { Origin } from '../../shared/origin.js'
import { fromSnapshot, toSnapshot, type Snapshot } from '../../shared/snapshot.js'
import type { Rooms } from '../room/rooms.js'
import type { SnapshotInfo, SnapshotStore } from '../storage/snapshot-store.js'
import { prepareImportOffThread, type PrepareImport } from './import.js'

export interface ImportResult {
  readonly imported: { readonly cards: number }
  /** The automatic snapshot of the board as it was; restoring it undoes the import. */
  readonly savedBefore: SnapshotInfo
}

export interface SnapshotService {
  take(boardId: string, name: string, actor: string, automatic?: boolean): Promise<SnapshotInfo>
  list(boardId: string): Promise<SnapshotInfo[]>
  read(boardId: string, id: string): Promise<{ info: SnapshotInfo; snapshot: Snapshot }>
  /** Changes from snapshot `fromId` to snapshot `toId`, or to the live board when `toId` is 'now'. */
  diff(boardId: string, fromId: string, toId: string): Promise<BoardDiff>
  /** Restores the board to snapshot `id`; returns the automatic snapshot of what it replaced. */
  restore(boardId: string, id: string, actor: string): Promise<SnapshotInfo>
  /**
   * Replaces the board's content with a file's: a board snapshot, or an all-boards export holding
   * one of this board. The file is validated first (off the main thread); on any error it throws
   * BoardError('invalid-snapshot') naming the JSON path, and nothing changes. `file` is handed to
   * a worker thread: its buffer is detached afterwards.
   */
  importFile(boardId: string, file: Uint8Array, actor: string): Promise<ImportResult>
}

export interface SnapshotServiceOptions {
  /** Builds an import's update (default: in a worker thread); tests wrap it. */
  readonly prepareImport?: PrepareImport
}

export function createSnapshotService(
  rooms: Rooms,
  store: SnapshotStore,
  options: SnapshotServiceOptions = {},
): SnapshotService {
  const prepareImport = options.prepareImport ?? prepareImportOffThread
  const live = (boardId: string) =>
    rooms.use(boardId, async (room) => {
      await room.flush()
      return toSnapshot(room.doc)
    })

  const read = async (boardId: string, id: string) => {
    const found = await store.get(boardId, id)
    if (!found) throw new BoardError('not-found', `no snapshot ${id} of board ${boardId}`)
    return found
  }

  const save = async (
    boardId: string,
    snapshot: Snapshot,
    name: string,
    actor: string,
    automatic: boolean,
  ) => {
    const info: SnapshotInfo = {
      id: `snap_${randomUUID()}`,
      boardId,
      name,
      takenAt: snapshot.takenAt,
      takenBy: actor,
      automatic,
    }
    await store.save(info, snapshot)
    return info
  }

  // Restores and imports of one board run one at a time: two replacements computed from the same
  // state and then merged would leave the union of both.
  const replacing = new Map<string, Promise<unknown>>()
  const oneAtATime = <T>(boardId: string, fn: () => Promise<T>): Promise<T> => {
    const run = (replacing.get(boardId) ?? Promise.resolve()).then(fn)
    const settled = run.catch(() => undefined)
    replacing.set(boardId, settled)
    void settled.then(() => {
      if (replacing.get(boardId) === settled) replacing.delete(boardId)
    })
    return run
  }

  return {
    async take(boardId, name, actor, automatic = false) {
      return save(boardId, await live(boardId), name, actor, automatic)
    },
    list: (boardId) => store.list(boardId),
    read,
    async diff(boardId, fromId, toId) {
      const from = (await read(boardId, fromId)).snapshot
      const to = toId === 'now' ? await live(boardId) : (await read(boardId, toId)).snapshot
      return diffSnapshots(from, to)
    },
    async restore(boardId, id, actor) {
      const { info, snapshot } = await read(boardId, id)
      return oneAtATime(boardId, () =>
        rooms.use(boardId, async (room) => {
          await room.flush()
          const saved = await save(
            boardId,
            toSnapshot(room.doc),
            `before restoring "${info.name}"`,
            actor,
            true,
          )
          fromSnapshot(room.doc, snapshot, { kind: 'import', actor })
          await room.flush()
          return saved
        }),
      )
    },
    importFile(boardId, file, actor) {
      return oneAtATime(boardId, () =>
        rooms.use(boardId, async (room) => {
          // The room stays held (loaded) while the worker validates and builds the update.
          const prepared = await prepareImport({
            boardId,
            body: file,
            state: Y.encodeStateAsUpdate(room.doc),
            actor,
          })
          // Valid: keep the board as it is now (with any edits made meanwhile), then replace it
          // in one update, which the room stores before relaying like any change.
          await room.flush()
          const n = prepared.cards
          const savedBefore = await save(
            boardId,
            toSnapshot(room.doc),
            `before import of ${n} card${n === 1 ? '' : 's'}`,
            actor,
            true,
          )
          // Slice by slice, yielding in between: other boards and clients are served meanwhile.
          for (const update of prepared.updates) {
            Y.applyUpdate(room.doc, update, { kind: 'import', actor } satisfies Origin)
            await new Promise((resolve) => setImmediate(resolve))
          }
          await room.flush()
          return { imported: { cards: n }, savedBefore }
        }),
      )
    },
  }
}
