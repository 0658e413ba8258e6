// One board's live room: its Y.Doc, awareness and connected peers. Every document change is
// appended to the store before any peer hears of it; broadcasts keep the order of stores.
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Logger } from '../log.js'
import type { BoardStore } from '../storage/store.js'
import { CloseCode, type Peer } from './peer.js'
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from './protocol.js'

export interface RoomOptions {
  readonly boardId: string
  readonly doc: Y.Doc
  readonly store: BoardStore
  readonly log: Logger
  /** Sequence number of the last update already in the store for this doc. */
  readonly lastSeq: number
  /** Compact the log into the state after this many appended updates. */
  readonly compactEvery: number
  /** Called once if storage fails; the owner then evicts the room. */
  readonly onFailure: (error: unknown) => void
}

interface PeerState {
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
  private lastSeq: number
  private compactedSeq: number
  private failed = false

  constructor(opts: RoomOptions) {
    this.opts = opts
    this.boardId = opts.boardId
    this.doc = opts.doc
    this.lastSeq = opts.lastSeq
    this.compactedSeq = 0
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  get peerCount(): number {
    return this.peers.size
  }

  join(peer: Peer): void {
    this.peers.set(peer, { awarenessIds: new Set() })
    peer.send(encodeSyncStep1(this.doc))
    // The full state goes out only after pending stores, so no peer sees an unstored update.
    this.enqueue(() => {
      if (this.peers.has(peer)) peer.send(encodeSyncStep2(this.doc))
    })
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
          this.enqueue(() => {
            if (this.peers.has(peer)) peer.send(encodeSyncStep2(this.doc, stateVector))
          })
          break
        }
        case 'sync-update':
          Y.applyUpdate(this.doc, message.update, peer)
          break
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, peer)
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
      const reason = error instanceof ProtocolError ? error.message : 'message could not be applied'
      this.opts.log.warn({ board: this.boardId, reason }, 'refused client message')
      this.leave(peer)
      peer.close(CloseCode.invalidPayload, reason)
    }
  }

  leave(peer: Peer): void {
    const state = this.peers.get(peer)
    if (!state) return
    this.peers.delete(peer)
    if (state.awarenessIds.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...state.awarenessIds], null)
  }

  /** Resolves once everything received so far is stored and broadcast. */
  flush(): Promise<void> {
    return this.pipeline
  }

  /** Stores the merged state and drops the log it covers; runs in order with appends. */
  compact(): Promise<void> {
    this.enqueue(async () => {
      if (this.lastSeq === this.compactedSeq) return
      const throughSeq = this.lastSeq
      await this.opts.store.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), throughSeq)
      this.compactedSeq = throughSeq
    })
    return this.pipeline
  }

  /** Closes every peer; the caller has flushed first if it wants the state kept. */
  close(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) {
      this.leave(peer)
      peer.close(code, reason)
    }
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const message = encodeUpdate(update)
    this.enqueue(async () => {
      this.lastSeq = await this.opts.store.append(this.boardId, update)
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message)
      if (this.lastSeq - this.compactedSeq >= this.opts.compactEvery) void this.compact()
    })
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    const owner = origin instanceof Object ? this.peers.get(origin as Peer) : undefined
    if (owner) {
      for (const id of change.added) owner.awarenessIds.add(id)
      for (const id of change.removed) owner.awarenessIds.delete(id)
    }
    const message = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    )
    for (const peer of this.peers.keys()) peer.send(message)
  }

  private enqueue(task: () => void | Promise<void>): void {
    this.pipeline = this.pipeline.then(async () => {
      if (this.failed) return
      try {
        await task()
      } catch (error) {
        this.failed = true
        this.opts.log.error({ board: this.boardId, err: error }, 'storage failed; closing room')
        this.close(CloseCode.internalError, 'storage unavailable, reconnect to resync')
        this.opts.onFailure(error)
      }
    })
  }
}
