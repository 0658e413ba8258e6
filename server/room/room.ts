// One board's live room: its Y.Doc, awareness and connected peers. Every document change is
// appended to the store before any peer hears of it; broadcasts keep the order of stores.
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { touchedBy } from '../../shared/changes.js'
import { defineBoardRoots } from '../../shared/doc.js'
import { findViolation } from '../../shared/integrity.js'
import type { Origin } from '../../shared/origin.js'
import { canWrite, VIEWER_CHANGE_REFUSED, type Role } from '../../shared/roles.js'
import { AuditRecorder } from '../history/audit-recorder.js'
import type { AuditEntry, AuditStore } from '../history/audit-store.js'
import type { Logger } from '../log.js'
import type { FanoutMessage, FanoutSubscription } from '../fanout/fanout.js'
import type { BoardStore } from '../storage/store.js'
import { AppliedSeqs } from './applied-seqs.js'
import { CloseCode, type Peer } from './peer.js'
import {
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
  stampAwarenessRole,
  type AwarenessEntry,
} from './protocol.js'

export interface RoomOptions {
  readonly boardId: string
  readonly doc: Y.Doc
  readonly store: BoardStore
  readonly log: Logger
  /** Sequence number of the last update already in the store for this doc. */
  readonly lastSeq: number
  /** Sequence number the stored state was compacted through. */
  readonly compactedSeq: number
  /**
   * An update holding exactly what `doc` holds, as stored: the first joins get it as it is,
   * without encoding a large board again (until the doc changes).
   */
  readonly wholeState?: Uint8Array | null
  /** Compact the log into the state after this many appended updates. */
  readonly compactEvery: number
  /** Where the audit trail goes; without it nothing is recorded. */
  readonly audit?: AuditStore
  /** Clock for audit times (tests control it). */
  readonly now?: () => number
  /** Other instances serving this board; absent when this instance is the only one. */
  readonly fanout?: FanoutSubscription
  /** With fan-out, how often to catch up from storage in case a message was lost. */
  readonly catchUpMs?: number
  /** Told each time a viewer's change is dropped. */
  readonly onViewerWriteDropped?: () => void
  /** Called once when the room can no longer serve (storage failed, or its doc is tainted). */
  readonly onFailure: (error: unknown) => void
}

/**
 * open: serving. tainted: a refused update reached the doc; work accepted before it still gets
 * stored, then the room closes. failed: storage failed; nothing more is stored or sent.
 */
/** Most changes stored and relayed as one merged update. */
const MAX_BATCH = 32

/** Origin of changes another instance stored: relayed to this room's peers, never stored again. */
const FROM_OTHER_INSTANCE = Symbol('from another instance')

/** An update with no structs and no deletions: zero clients of each, in the v1 encoding. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}

type RoomHealth =
  | { readonly kind: 'open' }
  | { readonly kind: 'tainted'; readonly error: Error }
  | { readonly kind: 'failed'; readonly error: Error }

interface PeerState {
  readonly role: Role
  /** Who the audit trail names for this connection's changes. */
  readonly actor: string
  /** Awareness client ids this peer has announced, removed when it leaves. */
  readonly awarenessIds: Set<number>
}

export class Room {
  readonly boardId: string
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  private readonly peers = new Map<Peer, PeerState>()
  private readonly opts: RoomOptions
  /** Serialises stores, broadcasts and compactions so they happen in document order. */
  private pipeline: Promise<void> = Promise.resolve()
  /** Stored updates the doc holds; compaction covers only those with nothing missing below. */
  private readonly applied: AppliedSeqs
  private compactedSeq: number
  private health: RoomHealth = { kind: 'open' }
  private shutDown = false
  /** While a client's update is applied, the updates it produces wait here until it is checked. */
  private incoming: {
    updates: Uint8Array[]
    violation: string | null
    audit: AuditEntry[]
  } | null = null
  /** Changes applied to the doc and waiting to be stored, with the peer each came from. */
  private readonly outbox: {
    readonly update: Uint8Array
    readonly origin: unknown
    readonly audit: readonly AuditEntry[]
  }[] = []
  /**
   * The whole state as one update, and as sync step 2, kept until the doc changes: many joins (over
   * the socket or HTTP), one encoding.
   */
  private wholeState: Uint8Array | null = null
  /** Replaced whenever the doc changes (see readStored). */
  private version: object = {}
  /** What the doc held at `version`: viewers' sync step 2s are checked against it. */
  private docSnapshot: { readonly version: object; readonly snapshot: Y.Snapshot } | null = null
  private fullStateMessage: Uint8Array | null = null
  private readonly recorder: AuditRecorder | null
  private readonly auditTimer: NodeJS.Timeout | undefined
  private readonly catchUpTimer: NodeJS.Timeout | undefined
  /** The catch-up under way, which a request arriving meanwhile makes run once more. */
  private catchingUp: Promise<boolean> | null = null
  private catchUpAgain = false

  constructor(opts: RoomOptions) {
    this.opts = opts
    this.boardId = opts.boardId
    this.doc = opts.doc
    // However the doc was made: every client update is checked against these roots.
    defineBoardRoots(this.doc)
    this.applied = new AppliedSeqs(opts.lastSeq)
    this.compactedSeq = opts.compactedSeq
    // Both encodings follow from it lazily (encodedState, syncStep2For).
    this.wholeState = opts.wholeState ?? null
    this.recorder = opts.audit ? new AuditRecorder(opts.boardId, opts.doc) : null
    // Text edits held open for merging are stored once idle for a minute.
    this.auditTimer = this.recorder ? setInterval(() => this.flushAudit(false), 15_000) : undefined
    this.auditTimer?.unref()
    this.catchUpTimer = opts.fanout
      ? setInterval(() => void this.catchUp(), opts.catchUpMs ?? 5_000)
      : undefined
    this.catchUpTimer?.unref()
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.doc.on('afterTransaction', this.onAfterTransaction)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  get peerCount(): number {
    return this.peers.size
  }

  get failed(): boolean {
    return this.health.kind !== 'open'
  }

  join(peer: Peer, role: Role, actor = 'anonymous'): void {
    if (this.failed) return peer.close(CloseCode.internalError, 'board unavailable, reconnect')
    this.peers.set(peer, { role, actor, awarenessIds: new Set() })
    // The peer answers with its own step 1; the state it lacks goes out in reply (see receive).
    peer.send(encodeSyncStep1(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0)
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)))
  }

  receive(peer: Peer, data: Uint8Array): void {
    const state = this.peers.get(peer)
    if (!state || this.failed) return
    try {
      const message = decodeClientMessage(data)
      switch (message.type) {
        case 'sync-step1': {
          const stateVector = message.stateVector
          // The doc already holds changes still in the outbox: store them first, so no peer
          // sees an unstored update.
          void this.enqueue(async () => {
            await this.storeWholeOutbox()
            if (this.peers.has(peer)) peer.send(this.syncStep2For(stateVector))
          })
          break
        }
        case 'sync-update':
          if (canWrite(state.role)) this.applyClientUpdate(peer, message.update)
          else this.dropViewerUpdate(peer, message.update)
          break
        case 'awareness':
          this.applyClientAwareness(peer, message.update, message.clients)
          break
        case 'query-awareness':
          peer.send(
            encodeAwareness(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
                ...this.awareness.getStates().keys(),
              ]),
            ),
          )
          break
        case 'auth':
          break
      }
    } catch (error) {
      this.refuse(peer, error instanceof ProtocolError ? error.message : 'message refused')
    }
  }

  leave(peer: Peer): void {
    const state = this.peers.get(peer)
    if (!state) return
    this.peers.delete(peer)
    if (state.awarenessIds.size > 0 && !this.shutDown)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...state.awarenessIds], null)
  }

  /** Resolves once everything received so far is stored and broadcast; rejects if the room failed. */
  async flush(): Promise<void> {
    // Tasks may queue more tasks (a burst stored in batches): wait until none are left.
    let current: Promise<void>
    do {
      current = this.pipeline
      await current
    } while (current !== this.pipeline)
    if (this.health.kind !== 'open') throw this.health.error
  }

  /**
   * The whole document as one update, once everything received before is stored: like a sync
   * reply, an HTTP read never shows a change that a crash could still lose.
   */
  state(): Promise<Uint8Array> {
    return this.readStored(() => this.encodedState())
  }

  /**
   * Reads the document once everything received before is stored. `version` stays the same
   * object until the doc changes: callers cache what they read by it.
   */
  async readStored<T>(read: (doc: Y.Doc, version: object) => T): Promise<T> {
    let result: { value: T } | undefined
    // Awaits its own turn only, not reads queued after it: a board's JSON view is answered
    // before the encoding of its Yjs state, asked for at the same time, is even started.
    await this.enqueue(async () => {
      await this.storeWholeOutbox()
      // Lets answers already read go out before this read holds the event loop.
      await new Promise((resolve) => setImmediate(resolve))
      await this.storeWholeOutbox()
      result = { value: read(this.doc, this.version) }
    })
    if (this.health.kind !== 'open') throw this.health.error
    if (!result) throw new Error(`board "${this.boardId}" is unavailable`)
    return result.value
  }

  /** Stores the merged state and drops the log it covers; runs in order with appends. */
  compact(): Promise<void> {
    this.flushAudit(true)
    void this.enqueue(async () => {
      const throughSeq = this.applied.contiguousThrough
      if (throughSeq <= this.compactedSeq) return
      await this.opts.store.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), throughSeq)
      this.compactedSeq = throughSeq
    })
    return this.flush()
  }

  /** Closes every peer and stops listening; the caller has flushed first if it wants the state kept. */
  close(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) {
      this.leave(peer)
      peer.close(code, reason)
    }
    clearInterval(this.auditTimer)
    clearInterval(this.catchUpTimer)
    this.recorder?.destroy()
    void this.opts.fanout?.leave()
    this.doc.off('update', this.onDocUpdate)
    this.doc.off('afterTransaction', this.onAfterTransaction)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
  }

  /** A message from another instance serving this board. */
  receiveFromOtherInstance(message: FanoutMessage): void {
    if (this.failed || this.shutDown) return
    switch (message.kind) {
      case 'update':
        this.applyStoredElsewhere(() =>
          Y.applyUpdate(this.doc, message.update, FROM_OTHER_INSTANCE),
        )
        this.applied.add(message.seq)
        if (this.applied.hasGap) this.scheduleCatchUp()
        break
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_OTHER_INSTANCE)
        break
      case 'awareness-query':
        this.publishOwnPresence()
        break
    }
  }

  /** Tells the other instances who is here (they ask when they load the board). */
  publishOwnPresence(): void {
    // Only ids the awareness still knows: a state may have timed out since it was announced.
    const ids = [...this.peers.values()]
      .flatMap((state) => [...state.awarenessIds])
      .filter((id) => this.awareness.meta.has(id))
    if (ids.length > 0)
      this.opts.fanout?.publish({
        kind: 'awareness',
        update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
      })
  }

  /**
   * Applies whatever other instances stored that this doc lacks. Runs after a gap in the numbers
   * of the updates heard, after the fan-out link was down, and every `catchUpMs` in case the
   * last message of a burst was lost; a request arriving while one runs makes it run once more.
   */
  /** Resolves with whether the doc then holds all that storage held (false: it failed). */
  catchUp(): Promise<boolean> {
    if (this.failed || this.shutDown) return Promise.resolve(false)
    if (this.catchingUp) {
      this.catchUpAgain = true
      return this.catchingUp
    }
    this.catchingUp = this.catchUpFromStorage()
    return this.catchingUp
  }

  /** Asks storage first thing, so `catchingUp` is set before this run can clear it. */
  private async catchUpFromStorage(): Promise<boolean> {
    try {
      do {
        this.catchUpAgain = false
        const missing = await this.opts.store.since(this.boardId, this.applied.contiguousThrough)
        if (this.failed || this.shutDown) return false
        if (missing.state || missing.updates.length > 0)
          this.applyStoredElsewhere(() =>
            this.doc.transact(() => {
              if (missing.state) Y.applyUpdate(this.doc, missing.state)
              for (const update of missing.updates) Y.applyUpdate(this.doc, update)
            }, FROM_OTHER_INSTANCE),
          )
        this.applied.addThrough(missing.lastSeq)
      } while (this.catchUpAgain && !this.failed && !this.shutDown)
      return !this.failed && !this.shutDown
    } catch (error) {
      this.opts.log.warn({ board: this.boardId, err: error }, 'catch-up from storage failed')
      return false
    } finally {
      // Cleared before this run settles: a request from here on starts a new one.
      this.catchingUp = null
    }
  }

  private scheduleCatchUp(): void {
    // The missing message is usually just behind; give it a moment before asking storage.
    setTimeout(() => {
      if (this.applied.hasGap) void this.catchUp()
    }, 50).unref()
  }

  /** Another instance checked and stored these changes; a failure here is logged, not fatal. */
  private applyStoredElsewhere(apply: () => void): void {
    try {
      apply()
    } catch (error) {
      this.opts.log.error(
        { board: this.boardId, err: error },
        'update from another instance failed',
      )
    }
  }

  /**
   * Applies a client's update, then stores and relays it only if it applied cleanly and left the
   * board well-formed. Yjs cannot roll back, so a refused update taints the in-memory doc: the
   * room then closes (after storing what came before) and is reloaded from the store.
   */
  private applyClientUpdate(peer: Peer, update: Uint8Array): void {
    // Every client sends one on connect (its sync step 2 when it lacks nothing the server has not
    // seen); applying it would only run an empty transaction over the whole board's observers.
    if (isEmptyUpdate(update)) return
    const incoming: NonNullable<Room['incoming']> = { updates: [], violation: null, audit: [] }
    this.incoming = incoming
    try {
      Y.applyUpdate(this.doc, update, peer)
    } catch {
      incoming.violation = 'update could not be applied'
    } finally {
      this.incoming = null
    }
    if (incoming.violation) {
      this.refuse(peer, incoming.violation)
      if (incoming.updates.length > 0)
        this.taint(new Error(`refused update: ${incoming.violation}`))
      return
    }
    // The audit entries travel with the last update, so both are written together.
    const last = incoming.updates.length - 1
    incoming.updates.forEach((applied, i) =>
      this.persistAndRelay(applied, peer, i === last ? incoming.audit : []),
    )
    if (last < 0) this.persistAudit(incoming.audit)
  }

  /**
   * A viewer's update is never applied, stored or relayed. Standard clients send a sync step 2 on
   * every connect, holding at least their copy's deletions: only an update holding something the
   * board lacks is a change, logged and answered with "permission denied", so that a page whose
   * copy kept changes made before its person became a viewer learns its copy is not the board.
   */
  private dropViewerUpdate(peer: Peer, update: Uint8Array): void {
    if (this.holds(update)) return
    // With other instances, the viewer may hold what one of them stored and this one has not
    // heard yet (a reconnect that moved instance): only what storage lacks too is refused, and
    // nothing is refused when storage could not be asked.
    if (this.opts.fanout)
      void this.catchUp().then((caughtUp) => {
        if (caughtUp && !this.holds(update)) this.refuseViewerUpdate(peer)
      })
    else this.refuseViewerUpdate(peer)
  }

  private refuseViewerUpdate(peer: Peer): void {
    if (!this.peers.has(peer)) return
    this.opts.log.warn({ board: this.boardId }, 'viewer tried to change the board; dropped')
    this.opts.onViewerWriteDropped?.()
    peer.send(encodePermissionDenied(VIEWER_CHANGE_REFUSED))
  }

  /** Whether the doc already holds everything in `update` (one snapshot per version of it). */
  private holds(update: Uint8Array): boolean {
    if (isEmptyUpdate(update)) return true
    if (this.docSnapshot?.version !== this.version)
      this.docSnapshot = { version: this.version, snapshot: Y.snapshot(this.doc) }
    return Y.snapshotContainsUpdate(this.docSnapshot.snapshot, update)
  }

  /**
   * A connection owns the presence it announces, and the room removes it when the connection
   * goes. Only a client's own change carries a clock the room has not seen yet: standard clients
   * echo everyone else's presence back with the clock they heard, and an echo must not take
   * ownership. A client that reconnects before its old socket is noticed dead announces a newer
   * clock (or re-announces once the old socket's removal reaches it), so its presence moves over.
   */
  private applyClientAwareness(
    peer: Peer,
    update: Uint8Array,
    entries: readonly AwarenessEntry[],
  ): void {
    const own = this.peers.get(peer)?.awarenessIds
    if (!own) return
    for (const { id, clock } of entries) {
      const known = this.awareness.meta.get(id)?.clock
      if (known !== undefined && clock <= known) continue
      for (const state of this.peers.values())
        if (state.awarenessIds !== own) state.awarenessIds.delete(id)
      own.add(id)
    }
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      stampAwarenessRole(update, this.peers.get(peer)?.role ?? 'viewer'),
      peer,
    )
  }

  private refuse(peer: Peer, reason: string): void {
    this.opts.log.warn({ board: this.boardId, reason }, 'refused client message')
    this.leave(peer)
    peer.close(CloseCode.invalidPayload, reason)
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    if (!this.incoming && !this.recorder) return
    // Worked out once: both the integrity check and the audit trail need it.
    const touched = touchedBy(this.doc, transaction)
    if (this.incoming && !this.incoming.violation)
      this.incoming.violation = findViolation(this.doc, touched)
    if (!this.recorder || (this.incoming && this.incoming.violation)) return
    const entries = this.recorder.record(
      touched,
      this.actorOf(transaction.origin),
      this.opts.now?.() ?? Date.now(),
    )
    if (this.incoming) this.incoming.audit.push(...entries)
    else this.persistAudit(entries)
  }

  /** The audit name for a change: the connection's person, or the server operation's actor. */
  private actorOf(origin: unknown): string | null {
    // The instance that received it records it.
    if (origin === FROM_OTHER_INSTANCE) return null
    const peer = this.peers.get(origin as Peer)
    if (peer) return peer.actor
    const tagged = origin as Partial<Origin> | null
    if (tagged?.kind === 'seed' || tagged?.kind === 'migration') return null
    if (tagged?.kind === 'user' || tagged?.kind === 'import') return tagged.actor ?? 'server'
    return 'server'
  }

  private persistAudit(entries: readonly AuditEntry[]): void {
    const audit = this.opts.audit
    if (audit && entries.length > 0) void this.enqueue(() => audit.append(entries))
  }

  private flushAudit(all: boolean): void {
    if (this.recorder) this.persistAudit(this.recorder.flush(this.opts.now?.() ?? Date.now(), all))
  }

  /** What a peer with `stateVector` lacks; a new peer gets the cached whole state. */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0)
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
    this.fullStateMessage ??= encodeSyncStep2(this.encodedState())
    return this.fullStateMessage
  }

  private encodedState(): Uint8Array {
    this.wholeState ??= Y.encodeStateAsUpdate(this.doc)
    return this.wholeState
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.wholeState = null
    this.version = {}
    this.fullStateMessage = null
    if (this.incoming) this.incoming.updates.push(update)
    else if (origin === FROM_OTHER_INSTANCE) this.relay(encodeUpdate(update), null)
    else this.persistAndRelay(update, origin)
  }

  /**
   * Queues a change to store and relay. Changes that arrive while a store is in flight wait in
   * the outbox and go out together: one append, one merged message with the same bytes for every
   * peer. A lone change skips its own sender, who has it already.
   */
  private persistAndRelay(
    update: Uint8Array,
    origin: unknown,
    audit: readonly AuditEntry[] = [],
  ): void {
    this.outbox.push({ update, origin, audit })
    if (this.outbox.length === 1) void this.enqueue(() => this.storeOutbox())
  }

  /**
   * Stores every change the doc already holds, batch after batch, before a peer or a reader is
   * shown the doc: a burst longer than one batch would otherwise be partly unstored.
   */
  private async storeWholeOutbox(): Promise<void> {
    while (this.outbox.length > 0) await this.storeOutbox()
  }

  private async storeOutbox(): Promise<void> {
    // Merging costs more than linear in the number of updates; a burst goes out in a few batches.
    const batch = this.outbox.splice(0, MAX_BATCH)
    if (batch.length === 0) return
    if (this.outbox.length > 0) void this.enqueue(() => this.storeOutbox())
    const update =
      batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update))
    const audit = batch.flatMap((b) => b.audit)
    // Asked for in the same turn: the SQLite writer commits the update and its audit entries
    // together (one fsync), and PostgreSQL runs them side by side.
    const [seq] = await Promise.all([
      this.opts.store.append(this.boardId, update),
      audit.length > 0 ? this.opts.audit?.append(audit) : undefined,
    ])
    const fanout = this.opts.fanout
    if (fanout) {
      fanout.publish({ kind: 'update', seq, update })
      this.applied.add(seq)
      if (this.applied.hasGap) this.scheduleCatchUp()
    } else {
      // The only writer: every number below this one is in the doc already.
      this.applied.addThrough(seq)
    }
    this.relay(encodeUpdate(update), batch.length === 1 ? batch[0]!.origin : null)
    if (this.applied.contiguousThrough - this.compactedSeq >= this.opts.compactEvery)
      void this.compact().catch(() => undefined)
  }

  private relay(message: Uint8Array, except: unknown): void {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(message)
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    const owner = this.peers.get(origin as Peer)
    if (owner) for (const id of change.removed) owner.awarenessIds.delete(id)
    const message = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    )
    for (const peer of this.peers.keys()) peer.send(message)
    // Presence from our own peers (and their leaving) crosses to the other instances; timeouts
    // are not sent, since each instance times out silent clients by itself.
    if (origin !== FROM_OTHER_INSTANCE && origin !== 'timeout')
      this.opts.fanout?.publish({
        kind: 'awareness',
        update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      })
  }

  /** Stops taking messages, lets already accepted work finish storing, then closes the room. */
  private taint(error: Error): void {
    if (this.health.kind !== 'open') return
    this.health = { kind: 'tainted', error }
    this.opts.log.error(
      { board: this.boardId, err: error },
      'room closing; it reloads from storage',
    )
    this.pipeline = this.pipeline.then(() => this.shutDownAfter(error))
  }

  private shutDownAfter(error: Error): void {
    if (this.shutDown) return
    this.shutDown = true
    this.close(CloseCode.internalError, 'board reloading, reconnect to resync')
    this.opts.onFailure(error)
  }

  /** Runs `task` after everything queued before; resolves when it is done (or skipped). */
  private enqueue(task: () => void | Promise<void>): Promise<void> {
    this.pipeline = this.pipeline.then(async () => {
      if (this.health.kind === 'failed') return
      try {
        await task()
      } catch (cause) {
        const error = new Error('storage failed', { cause })
        this.health = { kind: 'failed', error }
        this.opts.log.error({ board: this.boardId, err: cause }, 'storage failed; closing room')
        this.shutDownAfter(error)
      }
    })
    return this.pipeline
  }
}
