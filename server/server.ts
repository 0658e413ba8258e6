// Composition root: wires configuration, logging, storage, rooms and the HTTP/WebSocket server.
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { WebSocketServer } from 'ws'
import { migrateDoc } from '../shared/migrate.js'
import { isBoardId } from '../shared/sectors.js'
import { seedBoard } from '../shared/seed/index.js'
import type { Config } from './config.js'
import { createApp } from './http/app.js'
import { createLogger, type Logger } from './log.js'
import { Rooms } from './room/rooms.js'
import { createStore } from './storage/create.js'
import type { BoardStore } from './storage/store.js'

export interface RunningServer {
  readonly url: string
  readonly port: number
  readonly rooms: Rooms
  close(): Promise<void>
}

export async function startServer(
  config: Config,
  deps: { log?: Logger; store?: BoardStore } = {},
): Promise<RunningServer> {
  const log = deps.log ?? createLogger(config.logLevel)
  const store = deps.store ?? createStore(config)
  const rooms = new Rooms({
    store,
    log,
    isKnownBoard: isBoardId,
    seed: (room) => {
      if (isBoardId(room.boardId)) seedBoard(room.doc, room.boardId)
    },
    migrate: (room) => void migrateDoc(room.doc),
    idleMs: config.roomIdleMs,
    compactEvery: config.compactEvery,
  })
  const app = createApp({ rooms, log, clientDir: config.clientDir })
  // maxPayload: ws closes the connection with 1009 before buffering an oversized frame.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })
  const server = createAdaptorServer({ fetch: app.fetch, websocket: { server: wss } })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  log.info({ url, dataDir: config.dataDir }, 'sector board listening')

  return {
    url,
    port,
    rooms,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      await rooms.closeAll()
      for (const client of wss.clients) client.close(1001, 'server shutting down')
      // Clients that do not complete the close handshake in time are cut off.
      const cutOff = setTimeout(() => {
        for (const client of wss.clients) client.terminate()
      }, 2_000)
      wss.close()
      if ('closeAllConnections' in server) server.closeAllConnections()
      await closed
      clearTimeout(cutOff)
      await store.close()
    },
  }
}
