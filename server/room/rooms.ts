// Owns every room's lifecycle: a board loads once however many clients connect at once, and an
// idle room unloads only after its updates are stored and compacted. A connection that arrives
// while a room is unloading waits for the unload to finish, then gets a freshly loaded room.
import type { Logger } from '../log.js'
import type { BoardStore } from '../storage/store.js'
import { loadBoardDoc } from './load.js'
import { Room } from './room.js'

export interface RoomsOptions {
  readonly store: BoardStore
  readonly log: Logger
  /** Whether a board id may be opened at all (unknown ids are refused before loading). */
  readonly isKnownBoard: (boardId: string) => boolean
  /** Fills a board that has nothing stored yet; its changes are stored like any other. */
  readonly seed: (room: Room) => void
  /** Brings a loaded document to the current schema; its changes are stored too. */
  readonly migrate: (room: Room) => void
  readonly idleMs: number
  readonly compactEvery: number
}

type Entry =
  | { state: 'loading'; ready: Promise<Room>; users: number }
  | { state: 'active'; room: Room; ready: Promise<Room>; users: number; idleTimer?: NodeJS.Timeout }
  | { state: 'unloading'; done: Promise<void> }

export class UnknownBoardError extends Error {
  override name = 'UnknownBoardError'
}

export class Rooms {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly opts: RoomsOptions) {}

  /** Gets the loaded room, loading it if needed. Pair every acquire with a release. */
  async acquire(boardId: string): Promise<Room> {
    if (!this.opts.isKnownBoard(boardId)) throw new UnknownBoardError(`unknown board ${boardId}`)
    for (;;) {
      const entry = this.entries.get(boardId)
      if (!entry) return this.startLoading(boardId)
      if (entry.state === 'unloading') {
        await entry.done
        continue
      }
      entry.users++
      if (entry.state === 'active' && entry.idleTimer) {
        clearTimeout(entry.idleTimer)
        entry.idleTimer = undefined
      }
      return entry.ready
    }
  }

  release(boardId: string): void {
    const entry = this.entries.get(boardId)
    if (!entry || entry.state === 'unloading') return
    entry.users = Math.max(0, entry.users - 1)
    if (entry.users === 0 && entry.state === 'active') this.scheduleUnload(boardId, entry)
  }

  /** Runs `fn` with the room held, e.g. for an HTTP export. */
  async use<T>(boardId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(boardId)
    try {
      return await fn(room)
    } finally {
      this.release(boardId)
    }
  }

  get loadedBoards(): string[] {
    return [...this.entries].filter(([, e]) => e.state === 'active').map(([id]) => id)
  }

  /** Stores and closes every room (server shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.unload(id, 'server shutting down')))
  }

  private startLoading(boardId: string): Promise<Room> {
    const ready = this.load(boardId)
    const entry: Entry = { state: 'loading', ready, users: 1 }
    this.entries.set(boardId, entry)
    ready.then(
      (room) => {
        const next: Entry = { state: 'active', room, ready, users: entry.users }
        this.entries.set(boardId, next)
        if (next.users === 0) this.scheduleUnload(boardId, next)
      },
      () => this.entries.delete(boardId),
    )
    return ready
  }

  private async load(boardId: string): Promise<Room> {
    const log = this.opts.log.child({ board: boardId })
    const { doc, lastSeq, empty } = await loadBoardDoc(this.opts.store, boardId)
    const room = new Room({
      boardId,
      doc,
      store: this.opts.store,
      log,
      lastSeq,
      compactEvery: this.opts.compactEvery,
      onFailure: () => {
        if (this.entries.get(boardId)?.state === 'active') this.entries.delete(boardId)
      },
    })
    if (empty) this.opts.seed(room)
    this.opts.migrate(room)
    await room.flush()
    log.info({ lastSeq, seeded: empty }, 'board loaded')
    return room
  }

  private scheduleUnload(boardId: string, entry: Extract<Entry, { state: 'active' }>): void {
    entry.idleTimer = setTimeout(() => void this.unload(boardId, 'idle'), this.opts.idleMs)
    entry.idleTimer.unref()
  }

  private async unload(boardId: string, reason: string): Promise<void> {
    const entry = this.entries.get(boardId)
    if (!entry) return
    if (entry.state === 'unloading') return entry.done
    if (entry.state === 'loading') {
      await entry.ready.catch(() => undefined)
      return this.unload(boardId, reason)
    }
    if (entry.idleTimer) clearTimeout(entry.idleTimer)
    const room = entry.room
    const done = (async () => {
      await room.flush()
      await room.compact()
      room.close(1001, reason)
      room.doc.destroy()
    })()
      .catch((error: unknown) =>
        this.opts.log.error({ board: boardId, err: error }, 'unload failed'),
      )
      .finally(() => this.entries.delete(boardId))
    this.entries.set(boardId, { state: 'unloading', done })
    await done
    this.opts.log.info({ board: boardId, reason }, 'board unloaded')
  }
}
