// Scenario 5: a board of 5,000 cards with notes. A new client's full sync (server CPU, time and
// bytes), a client that has all but the last 50 edits (it downloads only those), and 150 clients
// joining at once against one join.
import fs from 'node:fs'
import * as Y from 'yjs'
import { cardsOf, textOf } from '../../../shared/doc.js'
import { editCard } from '../../../shared/ops/cards.js'
import { holdBoard } from '../boards.js'
import { copyDataDir } from '../large-board.js'
import { LightClient } from '../light-client.js'
import { generatorMeter, median, procSample, sleep } from '../measure.js'
import type { Scenario } from '../scenario.js'
import { startServer, type RunningServer } from '../servers.js'
import { SERVER_KINDS, type ServerKind } from '../wire.js'

const JOINS = 5
const BURST = 150
const LATE_EDITS = 50

export const largeBoard: Scenario = {
  id: 5,
  title: 'Large board: 5,000 cards with notes',
  servers: SERVER_KINDS,
  ownsServer: true,
  metrics: [
    { key: 'fullSyncCpuMs', label: 'full sync: server CPU ms / join' },
    { key: 'fullSyncMs', label: 'full sync: time ms' },
    { key: 'fullSyncKB', label: 'full sync: KB received' },
    { key: 'partialSyncCpuMs', label: 'has all but 50 edits: server CPU ms' },
    { key: 'partialSyncMs', label: 'has all but 50 edits: time ms' },
    { key: 'partialSyncKB', label: 'has all but 50 edits: KB received' },
    { key: 'burstMs', label: `${BURST} joins at once: ms until all synced` },
    { key: 'burstToOneJoin', label: `${BURST} joins / one join (time)` },
    { key: 'burstCpuMs', label: `${BURST} joins: server CPU ms` },
    // The "150 joins take at most 2x one join", read as the server's work: one join's
    // 7.7 MB cannot reach 150 clients over loopback in twice the time it takes to reach one.
    { key: 'burstCpuPerJoinToOne', label: `${BURST} joins: server CPU per join / one join's` },
    { key: 'burstMB', label: `${BURST} joins: MB received in all` },
    { key: 'generatorCpuPercent', label: `${BURST} joins: generator CPU % of a core` },
    { key: 'rssMB', label: 'server RSS MB after' },
  ],
  async run(_server, kind, ctx) {
    const large = await ctx.large()
    const dataDir = kind === 'ours' ? copyDataDir(large.dataDir) : undefined
    const server = await startServer(kind, dataDir ? { dataDir } : {})
    try {
      const { generator, ...values } = await measure(server, kind, large.board, large.update)
      return { values, generator }
    } finally {
      await server.stop()
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    }
  },
}

async function measure(
  server: RunningServer,
  kind: ServerKind,
  board: string,
  content: Uint8Array,
) {
  const holder = await holdBoard(server, board, content)
  // The 50 late edits every partial client lacks.
  const ids = [...cardsOf(holder.doc).keys()]
  for (let i = 0; i < LATE_EDITS; i++) {
    const id = ids[(i * 97) % ids.length] as string
    const notes = textOf(cardsOf(holder.doc).get(id) as Y.Map<unknown>, 'notes').toString()
    editCard(holder.doc, id, { notes: `${notes} late edit ${i}` }, { actor: 'bench' })
  }
  const baseDoc = new Y.Doc()
  Y.applyUpdate(baseDoc, content)
  const baseVector = Y.encodeStateVector(baseDoc)
  await sleep(500)

  const join = async (stateVector?: Uint8Array) => {
    const before = procSample(server.pid)
    const client = new LightClient(kind, server.port, board, stateVector)
    await client.synced
    // Some servers send more after the first step 2 (ours pushes the whole state unasked, then
    // answers the client's step 1): bytes count everything that arrives within the settle time.
    await sleep(150)
    const after = procSample(server.pid)
    client.close()
    await sleep(50)
    return {
      ms: client.syncedAt - client.openedAt,
      kb: client.stats.bytes / 1024,
      cpuMs: (after.cpuMicros - before.cpuMicros) / 1000,
    }
  }
  const full = []
  for (let i = 0; i < JOINS; i++) full.push(await join())
  const partial = []
  for (let i = 0; i < JOINS; i++) partial.push(await join(baseVector))

  await sleep(300)
  const before = procSample(server.pid)
  const meter = generatorMeter()
  const t0 = performance.now()
  const burst = Array.from({ length: BURST }, () => new LightClient(kind, server.port, board))
  await Promise.all(burst.map((c) => c.synced))
  const burstMs = performance.now() - t0
  const generator = meter.stop()
  await sleep(150)
  const after = procSample(server.pid)
  const burstMB = burst.reduce((sum, c) => sum + c.stats.bytes, 0) / 2 ** 20
  for (const c of burst) c.close()
  holder.close()
  const oneJoin = median(full.map((j) => j.ms))
  return {
    fullSyncCpuMs: median(full.map((j) => j.cpuMs)),
    fullSyncMs: oneJoin,
    fullSyncKB: median(full.map((j) => j.kb)),
    partialSyncCpuMs: median(partial.map((j) => j.cpuMs)),
    partialSyncMs: median(partial.map((j) => j.ms)),
    partialSyncKB: median(partial.map((j) => j.kb)),
    burstMs,
    burstToOneJoin: burstMs / oneJoin,
    burstCpuMs: (after.cpuMicros - before.cpuMicros) / 1000,
    // Over all sequential joins: one join is about one 10 ms CPU tick.
    burstCpuPerJoinToOne:
      (after.cpuMicros - before.cpuMicros) /
      1000 /
      BURST /
      (full.reduce((sum, j) => sum + j.cpuMs, 0) / full.length),
    burstMB,
    rssMB: after.rssBytes / 2 ** 20,
    generatorCpuPercent: generator.cpuPercent,
    generator,
  }
}
