// The server's heartbeat over real sockets: a client that stops answering pings is cut off within
// two ping intervals, its presence disappears for the others and its room unloads, while a client
// that answers stays connected.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningServer } from '../../server/server.js'
import { closeOf, rawSocket } from '../support/clients.js'
import { sample, scrape } from '../support/metrics.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const PING_MS = 200
let server: RunningServer

beforeAll(async () => {
  server = await startTestServer(tempDataDir(), {
    WS_PING_MS: String(PING_MS),
    ROOM_IDLE_MS: '50',
  })
})
afterAll(() => server.close())

/** A socket that announces a presence, then (like a vanished laptop) never answers a ping. */
async function silentClient(boardId: string): Promise<{ socket: WebSocket; clientId: number }> {
  const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws/${boardId}`, {
    autoPong: false,
  })
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState({ user: { name: 'ghost', color: '#1864ab' }, editing: null })
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // awareness message
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
  )
  socket.send(encoding.toUint8Array(encoder))
  return { socket, clientId: doc.clientID }
}

/**
 * Who the server says is on a board, seen through a socket that only listens. (A y-websocket
 * provider would not do: it relays every awareness change it hears back to the server.)
 */
async function presenceObserver(boardId: string) {
  const socket = await rawSocket(server.url, boardId)
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== 1) return
    awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server')
  })
  // Joined once the server's sync step 1 arrives: the board is loaded. Otherwise a slow first load
  // can outlast the ghost's two ping intervals, and it is cut off before its presence is applied.
  await new Promise((resolve) => socket.once('message', resolve))
  return { socket, present: (id: number) => awareness.getStates().has(id) }
}

describe('server heartbeat', () => {
  it('cuts off a socket that stops answering pings and frees its presence', async () => {
    const watcher = await presenceObserver('energy-materials')
    try {
      const ghost = await silentClient('energy-materials')
      await vi.waitFor(() => expect(watcher.present(ghost.clientId)).toBe(true))
      const started = Date.now()
      const closed = await closeOf(ghost.socket)
      const tookMs = Date.now() - started
      // Not a clean close: the server terminated the TCP connection.
      expect(closed.code).toBe(1006)
      expect(tookMs).toBeLessThan(PING_MS * 2 + 500)
      await vi.waitFor(() => expect(watcher.present(ghost.clientId)).toBe(false))
      // The listening socket answers pings (ws does by default) and was not cut off.
      expect(watcher.socket.readyState).toBe(WebSocket.OPEN)
      const s = await scrape(server.url)
      expect(sample(s, 'sector_board_heartbeat_terminations_total')).toBe(1)
    } finally {
      watcher.socket.close()
    }
  })

  it('lets the room of a vanished client unload', async () => {
    const ghost = await silentClient('tech-services')
    await vi.waitFor(() => expect(server.rooms.loadedBoards).toContain('tech-services'))
    await closeOf(ghost.socket)
    await vi.waitFor(() => expect(server.rooms.loadedBoards).not.toContain('tech-services'), {
      timeout: 3_000,
    })
  })
})
