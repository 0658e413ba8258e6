// Scenario 6 (our server only: the references keep nothing): from spawning the process to the
// first full sync of the stored large board, and the time of its JSON export.
import fs from 'node:fs'
import { copyDataDir } from '../large-board.js'
import { LightClient } from '../light-client.js'
import { median } from '../measure.js'
import type { Scenario } from '../scenario.js'
import { startServer } from '../servers.js'

export const coldStart: Scenario = {
  id: 6,
  title: 'Cold start: stored 5,000-card board (ours only)',
  servers: ['ours'],
  ownsServer: true,
  metrics: [
    { key: 'listenMs', label: 'spawn → HTTP answers, ms' },
    { key: 'firstSyncMs', label: 'spawn → first full sync, ms' },
    { key: 'loadSyncMs', label: 'first sync itself (room load), ms' },
    { key: 'exportMs', label: 'GET snapshot (JSON export), ms' },
    { key: 'exportKB', label: 'JSON export KB' },
  ],
  async run(_server, _kind, ctx) {
    const large = await ctx.large()
    const dataDir = copyDataDir(large.dataDir)
    const server = await startServer('ours', { dataDir })
    try {
      const listening = performance.now()
      const client = new LightClient('ours', server.port, large.board)
      await client.synced
      const url = `http://127.0.0.1:${server.port}/api/boards/${large.board}/snapshot`
      const exports = []
      let bytes = 0
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now()
        bytes = (await (await fetch(url)).arrayBuffer()).byteLength
        exports.push(performance.now() - t0)
      }
      client.close()
      return {
        values: {
          listenMs: listening - server.spawnedAt,
          firstSyncMs: client.syncedAt - server.spawnedAt,
          loadSyncMs: client.syncedAt - client.openedAt,
          exportMs: median(exports),
          exportKB: bytes / 1024,
        },
      }
    } finally {
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  },
}
