// Scenario 4: many idle connections over the six boards; server memory per connection is the
// growth of the server's RSS from "boards loaded, one client each" to "all clients synced".
import { SECTORS } from '../../../shared/sectors.js'
import { connectAll, holdBoard } from '../boards.js'
import { LightClient } from '../light-client.js'
import { procSample, sleep } from '../measure.js'
import type { Scenario } from '../scenario.js'
import { collectGarbage } from '../servers.js'
import { SERVER_KINDS } from '../wire.js'

export const idle: Scenario = {
  id: 4,
  title: 'Idle connections: 2,000 clients over 6 boards',
  servers: SERVER_KINDS,
  metrics: [
    { key: 'kbPerConnection', label: 'server RSS KB / idle connection (after GC)' },
    { key: 'heapKbPerConnection', label: 'server JS heap+external KB / connection (after GC)' },
    { key: 'kbPerConnectionNoGc', label: 'server RSS KB / idle connection (no GC)' },
    { key: 'rssBeforeMB', label: 'server RSS MB, boards loaded' },
    { key: 'rssAfterMB', label: 'server RSS MB, all connected' },
    { key: 'connectSeconds', label: 'time to connect + sync all, s' },
    { key: 'cpuMsIdle', label: 'server CPU ms over 5 s idle' },
  ],
  async run(server, _kind, ctx) {
    if (!server) throw new Error('needs a server')
    const count = ctx.quick ? 300 : 2000
    const boards = SECTORS.map((s) => s.id)
    const holders = []
    for (const board of boards) {
      const seeder = await holdBoard(server, board)
      const holder = new LightClient(server.kind, server.port, board)
      await holder.synced
      seeder.close()
      holders.push(holder)
    }
    await sleep(1000)
    const beforeNoGc = procSample(server.pid)
    const heapBefore = await collectGarbage(server)
    const before = procSample(server.pid)
    const t0 = performance.now()
    const clients = await connectAll(
      (i) => new LightClient(server.kind, server.port, boards[i % boards.length] as string),
      count,
      100,
    )
    const connectSeconds = (performance.now() - t0) / 1000
    await sleep(2000)
    const afterNoGc = procSample(server.pid)
    const heapAfter = await collectGarbage(server)
    const after = procSample(server.pid)
    await sleep(5000)
    const idleEnd = procSample(server.pid)
    const open = clients.filter((c) => c.ws.readyState === c.ws.OPEN).length
    for (const c of [...clients, ...holders]) c.close()
    return {
      values: {
        kbPerConnection: (after.rssBytes - before.rssBytes) / 1024 / count,
        heapKbPerConnection:
          (heapAfter.heapUsed + heapAfter.external - heapBefore.heapUsed - heapBefore.external) /
          1024 /
          count,
        kbPerConnectionNoGc: (afterNoGc.rssBytes - beforeNoGc.rssBytes) / 1024 / count,
        rssBeforeMB: before.rssBytes / 2 ** 20,
        rssAfterMB: after.rssBytes / 2 ** 20,
        connectSeconds,
        cpuMsIdle: (idleEnd.cpuMicros - after.cpuMicros) / 1000,
        stillOpen: open,
      },
      notes: open < count ? [`${count - open} connections closed by the server`] : [],
    }
  },
}
