// A light benchmark client: one socket on one board that syncs once and then only counts the
// update frames it receives and the edit markers inside them, without applying anything.
import WebSocket from 'ws'
import { scanMarkers } from './markers.js'
import {
  DIALECTS,
  EMPTY_STATE_VECTOR,
  EMPTY_UPDATE,
  MSG_SYNC,
  STEP1,
  STEP2,
  syncMessage,
  type ServerKind,
  syncedSignal,
} from './wire.js'

export interface ClientStats {
  frames: number
  bytes: number
  updates: number
}

export class LightClient {
  readonly ws: WebSocket
  readonly stats: ClientStats = { frames: 0, bytes: 0, updates: 0 }
  /** Size of the first sync step 2 (the whole board, for an empty client). */
  syncBytes = 0
  syncedAt = Number.NaN
  readonly openedAt = performance.now()
  readonly synced: Promise<void>
  onMarker: ((id: number) => void) | null = null

  constructor(
    kind: ServerKind,
    port: number,
    readonly board: string,
    readonly stateVector: Uint8Array = EMPTY_STATE_VECTOR,
  ) {
    const dialect = DIALECTS[kind]
    this.ws = new WebSocket(dialect.url(port, board), { perMessageDeflate: false })
    const { synced, resolve: resolveSynced } = syncedSignal(this.ws)
    this.synced = synced
    this.ws.on('open', () => {
      for (const frame of dialect.hello(board)) this.ws.send(frame)
      this.ws.send(dialect.frame(board, syncMessage(STEP1, this.stateVector)))
    })
    this.ws.on('message', (data: Buffer) => {
      this.stats.frames++
      this.stats.bytes += data.length
      const at = dialect.bodyOffset(data)
      if (data[at] !== MSG_SYNC) return
      const step = data[at + 1]
      if (step === STEP1) {
        // Answer the server's step 1 with what an empty client has: nothing.
        this.ws.send(dialect.frame(board, syncMessage(STEP2, EMPTY_UPDATE)))
        return
      }
      if (Number.isNaN(this.syncedAt) && step === STEP2) {
        this.syncedAt = performance.now()
        this.syncBytes = data.length
        resolveSynced()
        return
      }
      this.stats.updates++
      if (this.onMarker) scanMarkers(data, at + 2, this.onMarker)
    })
  }

  close(): void {
    this.ws.terminate()
  }
}
