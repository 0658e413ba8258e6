// Named snapshots of live boards: take one, list, read, compare with another or with now, and
// restore a board to one (live for everyone, after keeping an automatic snapshot of what it
// replaces). Everything reads and writes boards through their rooms, so it is stored first.
import { randomUUID } from 'node:crypto'
import { diffSnapshots, type BoardDiff } from '../../shared/diff.js'
import { BoardError } from '../../shared/errors.js'
import { fromSnapshot, toSnapshot, type Snapshot } from '../../shared/snapshot.js'
import type { Rooms } from '../room/rooms.js'
import type { SnapshotInfo, SnapshotStore } from '../storage/snapshot-store.js'

export interface SnapshotService {
  take(boardId: string, name: string, actor: string, automatic?: boolean): Promise<SnapshotInfo>
  list(boardId: string): Promise<SnapshotInfo[]>
  read(boardId: string, id: string): Promise<{ info: SnapshotInfo; snapshot: Snapshot }>
  /** Changes from snapshot `fromId` to snapshot `toId`, or to the live board when `toId` is 'now'. */
  diff(boardId: string, fromId: string, toId: string): Promise<BoardDiff>
  /** Restores the board to snapshot `id`; returns the automatic snapshot of what it replaced. */
  restore(boardId: string, id: string, actor: string): Promise<SnapshotInfo>
}

export function createSnapshotService(rooms: Rooms, store: SnapshotStore): SnapshotService {
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
      return rooms.use(boardId, async (room) => {
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
      })
    },
  }
}
