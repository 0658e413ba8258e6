// Owns every room's lifecycle: a board loads once however many clients connect at once, and an
// idle room unloads only after its updates are stored and compacted. A connection that arrives
// while a room is unloading waits for the unload to finish, then gets a freshly loaded room.
// Holders release the exact room they acquired, so a late release never touches a newer room.
import type { Logger } from '../log.js'
import type { AuditStore } from '../history/audit-store.js'
import type { Fanout } from '../fanout/fanout.js'
import type { BoardStore } from '../storage/store.js'
import { linkToOtherInstances } from './fanout-link.js'
import { loadBoardDoc } from './load.js'
import { CloseCode } from './peer.js'
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
  /** Where rooms record their audit trail (optional: tests of the lifecycle go without). */
  readonly audit?: AuditStore
  /** Other instances sharing the store; without it this instance is the board's only writer. */
  readonly fanout?: Fanout
  /** With fan-out, how often each room catches up from storage in case a message was lost. */
  readonly catchUpMs?: number
  /** Told each time a viewer's change is dropped (counted in /metrics). */
  readonly onViewerWriteDropped?: () => void
}

interface LoadingEntry {
  readonly state: 'loading'
  readonly ready: Promise<Room>
  users: number
}
interface ActiveEntry {
  readonly state: 'active'
  readonly room: Room
  readonly ready: Promise<Room>
  users: number
  idleTimer?: NodeJS.Timeout
}
interface UnloadingEntry {
  readonly state: 'unloading'
  readonly done: Promise<void>
}
type Entry = LoadingEntry | ActiveEntry | UnloadingEntry

export class UnknownBoardError extends Error {
  override name = 'UnknownBoardError'
}

export class Rooms {
  private readonly entries = new Map<string, Entry>()
  private closing = false

  constructor(private readonly opts: RoomsOptions) {}

  /** Gets the loaded room, loading it if needed. Pair every acquire with `release(room)`. */
  async acquire(boardId: string): Promise<Room> {
    if (!this.opts.isKnownBoard(boardId)) throw new UnknownBoardError(`unknown board ${boardId}`)
    for (;;) {
      if (this.closing) throw new Error('server shutting down')
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

  release(room: Room): void {
    const entry = this.entries.get(room.boardId)
    if (entry?.state !== 'active' || entry.room !== room) return
    entry.users--
    if (entry.users === 0) this.scheduleUnload(room.boardId, entry)
  }

  /** Runs `fn` with the room held, e.g. for an HTTP export. */
  async use<T>(boardId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(boardId)
    try {
      return await fn(room)
    } finally {
      this.release(room)
    }
  }

  get loadedBoards(): string[] {
    return [...this.entries].filter(([, e]) => e.state === 'active').map(([id]) => id)
  }

  /** Refuses new rooms, then stores and closes every room (server shutdown). */
  async closeAll(): Promise<void> {
    this.closing = true
    await Promise.all([...this.entries.keys()].map((id) => this.unload(id, 'server shutting down')))
  }

  private startLoading(boardId: string): Promise<Room> {
    const ready = this.load(boardId)
    const loading: LoadingEntry = { state: 'loading', ready, users: 1 }
    this.entries.set(boardId, loading)
    // Registered before any caller awaits `ready`, so holders always find the active entry.
    ready.then(
      (room) => {
        const active: ActiveEntry = { state: 'active', room, ready, users: loading.users }
        this.entries.set(boardId, active)
        if (active.users === 0) this.scheduleUnload(boardId, active)
      },
      () => this.entries.delete(boardId),
    )
    return ready
  }

  private async load(boardId: string): Promise<Room> {
    const log = this.opts.log.child({ board: boardId })
    const link = this.opts.fanout ? await linkToOtherInstances(this.opts.fanout, boardId) : null
    let loaded
    try {
      loaded = await loadBoardDoc(this.opts.store, boardId)
    } catch (error) {
      await link?.subscription.leave()
      throw error
    }
    const { doc, lastSeq, compactedSeq, empty, wholeState } = loaded
    const room = new Room({
      boardId,
      doc,
      store: this.opts.store,
      log,
      lastSeq,
      compactedSeq,
      wholeState,
      compactEvery: this.opts.compactEvery,
      audit: this.opts.audit,
      fanout: link?.subscription,
      catchUpMs: this.opts.catchUpMs,
      onViewerWriteDropped: this.opts.onViewerWriteDropped,
      onFailure: () => this.evict(boardId, room),
    })
    try {
      if (empty) this.opts.seed(room)
      this.opts.migrate(room)
      await room.flush()
      link?.attach(room)
    } catch (error) {
      room.close(CloseCode.internalError, 'board unavailable')
      doc.destroy()
      throw error
    }
    log.info({ lastSeq, seeded: empty }, 'board loaded')
    return room
  }

  /** Drops a failed room at once; its clients were closed and reconnect to a fresh load. */
  private evict(boardId: string, room: Room): void {
    const entry = this.entries.get(boardId)
    if (entry?.state !== 'active' || entry.room !== room) return
    if (entry.idleTimer) clearTimeout(entry.idleTimer)
    this.entries.delete(boardId)
    room.doc.destroy()
  }

  private scheduleUnload(boardId: string, entry: ActiveEntry): void {
    entry.idleTimer = setTimeout(() => {
      if (this.entries.get(boardId) === entry && entry.users === 0)
        void this.unload(boardId, 'idle')
    }, this.opts.idleMs)
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
      room.close(CloseCode.goingAway, reason)
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
