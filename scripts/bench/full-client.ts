// A full benchmark client: a Y.Doc kept in sync with one board over y-protocols, which applies
// every update (to check convergence) and sends its own edits. Editors are full clients.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { scanMarkers } from './markers.js'
import type { ClientStats } from './light-client.js'
import {
  DIALECTS,
  MSG_SYNC,
  STEP2,
  UPDATE,
  syncMessage,
  type Dialect,
  type ServerKind,
  syncedSignal,
} from './wire.js'

export class FullClient {
  readonly ws: WebSocket
  readonly stats: ClientStats = { frames: 0, bytes: 0, updates: 0 }
  readonly synced: Promise<void>
  private readonly dialect: Dialect
  onMarker: ((id: number) => void) | null = null
  /** Set at the first sync step 2; frames after it count as delivered updates. */
  private isSynced = false

  constructor(
    kind: ServerKind,
    port: number,
    readonly board: string,
    readonly doc: Y.Doc = new Y.Doc(),
  ) {
    this.dialect = DIALECTS[kind]
    this.ws = new WebSocket(this.dialect.url(port, board), { perMessageDeflate: false })
    const { synced, resolve: resolveSynced } = syncedSignal(this.ws)
    this.synced = synced
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || this.ws.readyState !== WebSocket.OPEN) return
      this.send(syncMessage(UPDATE, update))
    })
    this.ws.on('open', () => {
      for (const frame of this.dialect.hello(board)) this.ws.send(frame)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MSG_SYNC)
      syncProtocol.writeSyncStep1(encoder, this.doc)
      this.send(encoding.toUint8Array(encoder))
    })
    this.ws.on('message', (data: Buffer) => {
      this.stats.frames++
      this.stats.bytes += data.length
      const at = this.dialect.bodyOffset(data)
      if (data[at] !== MSG_SYNC) return
      const step = data[at + 1]
      if (this.isSynced) {
        this.stats.updates++
        if (this.onMarker) scanMarkers(data, at + 2, this.onMarker)
      }
      const decoder = decoding.createDecoder(data)
      decoder.pos = at + 1
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MSG_SYNC)
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this)
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply))
      if (!this.isSynced && step === STEP2) {
        this.isSynced = true
        resolveSynced()
      }
    })
  }

  send(message: Uint8Array): void {
    this.ws.send(this.dialect.frame(this.board, message))
  }

  /** Pushes the whole document (used to seed the reference servers' empty rooms). */
  pushAll(): void {
    this.send(syncMessage(UPDATE, Y.encodeStateAsUpdate(this.doc)))
  }

  close(): void {
    this.ws.terminate()
  }
}
