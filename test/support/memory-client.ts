// An in-memory y-websocket client for room tests: a Y.Doc and awareness wired to a Room through
// queued messages, so tests decide exactly when bytes are delivered. No network involved.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Role } from '../../shared/roles.js'
import type { Peer } from '../../server/room/peer.js'
import type { Room } from '../../server/room/room.js'

export class MemoryClient {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly inbox: Uint8Array[] = []
  /** Reasons of the "permission denied" messages the room sent. */
  readonly refusals: string[] = []
  closed: { code: number; reason: string } | null = null
  readonly peer: Peer = {
    send: (data) => this.inbox.push(data),
    close: (code, reason) => (this.closed = { code, reason }),
  }

  constructor(private readonly room: Room) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, update)
      this.send(encoding.toUint8Array(encoder))
    })
  }

  /** Joins and completes the sync handshake. */
  async connect(role: Role = 'editor', actor?: string): Promise<void> {
    this.room.join(this.peer, role, actor)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.send(encoding.toUint8Array(encoder))
    await this.sync()
  }

  send(data: Uint8Array): void {
    this.room.receive(this.peer, data)
  }

  setPresence(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state)
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, update)
    this.send(encoding.toUint8Array(encoder))
  }

  /** Waits for the room's pipeline, then handles everything delivered so far. */
  async sync(): Promise<void> {
    await this.room.flush()
    this.handleInbox()
  }

  /** Handles what has been delivered so far, without waiting for the room. */
  handleInbox(): void {
    while (this.inbox.length > 0) this.handle(this.inbox.shift() as Uint8Array)
  }

  leave(): void {
    this.room.leave(this.peer)
  }

  private handle(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    if (type === 0) {
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, 0)
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this)
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply))
    } else if (type === 1) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        this,
      )
    } else if (type === 2) {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.refusals.push(reason))
    }
  }
}
