// The edit load of scenarios 1-3: on each board a few editors (full clients) make card edits and
// new cards at a fixed rate, two full observers apply everything, and the rest are light clients
// that only time the markers they receive. One warm-up, one measured window, then a drain and a
// convergence check.
import * as Y from 'yjs'
import { cardsOf, stagesOf, textOf } from '../../shared/doc.js'
import { addCard, editCard } from '../../shared/ops/cards.js'
import { connectAll, holdBoard } from './boards.js'
import { FullClient } from './full-client.js'
import { LightClient } from './light-client.js'
import { MarkerLog } from './markers.js'
import {
  generatorMeter,
  latencySummary,
  procSample,
  sleep,
  threadCpuBetween,
  threadCpuSample,
  type GeneratorStats,
  type ThreadCpu,
} from './measure.js'
import type { RunningServer } from './servers.js'

export interface LoadShape {
  readonly boards: readonly string[]
  readonly clientsPerBoard: number
  readonly editorsPerBoard: number
  /** Edits per second per editor. */
  readonly rate: number
  readonly observersPerBoard: number
  readonly warmupMs: number
  readonly measureMs: number
}

export interface LoadResult {
  readonly editsSent: number
  readonly deliveredPerSecond: number
  readonly cpuMicrosPerDelivered: number
  readonly serverCpuPercent: number
  /** Server CPU per delivered update, by thread and mode (see ThreadCpu). */
  readonly threadMicrosPerDelivered: ThreadCpu
  readonly latencyMs: { p50: number; p99: number; max: number }
  /** Receipts missing for edits sent in the window, after a drain (should be 0). */
  readonly lost: number
  readonly framesPerSecond: number
  readonly bytesPerSecond: number
  readonly rssMB: number
  readonly converged: boolean
  readonly boardBytes: number
  readonly generator: GeneratorStats
}

interface Board {
  readonly editors: FullClient[]
  readonly observers: FullClient[]
  readonly light: LightClient[]
}

export async function runLoad(server: RunningServer, shape: LoadShape): Promise<LoadResult> {
  const log = new MarkerLog()
  const boards: Board[] = []
  let boardBytes = 0
  for (const id of shape.boards) {
    const seeder = await holdBoard(server, id)
    const full = await connectAll(
      () => new FullClient(server.kind, server.port, id),
      shape.editorsPerBoard + shape.observersPerBoard,
    )
    const light = await connectAll(
      () => new LightClient(server.kind, server.port, id),
      shape.clientsPerBoard - full.length,
    )
    boardBytes = light[0]?.syncBytes ?? 0
    seeder.close()
    boards.push({
      editors: full.slice(0, shape.editorsPerBoard),
      observers: full.slice(shape.editorsPerBoard),
      light,
    })
  }
  const all = boards.flatMap((b) => [...b.editors, ...b.observers, ...b.light])
  // Some servers echo an update to its sender; only deliveries to other clients count.
  const own = new Map<FullClient, Set<number>>()
  for (const client of all) {
    const mine = new Set<number>()
    if (client instanceof FullClient) own.set(client, mine)
    client.onMarker = (id) => {
      if (!mine.has(id)) log.received(id)
    }
  }

  const timers = boards.flatMap((board, b) =>
    board.editors.map((editor, e) => {
      const doc = editor.doc
      const ctx = { actor: `bench-${b}-${e}` }
      const stage = [...stagesOf(doc).keys()][0] as string
      const cards = [...cardsOf(doc).keys()]
      const mine = own.get(editor) as Set<number>
      let tick = 0
      // Editors start spread over one period so their edits do not arrive in bursts.
      const period = 1000 / shape.rate
      return new Promise<ReturnType<typeof setInterval>>((resolve) =>
        setTimeout(
          () =>
            resolve(
              setInterval(() => {
                const m = log.next()
                mine.add(m.id)
                if (tick++ % 5 === 4) {
                  cards.push(addCard(doc, { stage, title: `Bench ${m.text}` }, ctx))
                } else {
                  const id = cards[Math.floor(Math.random() * cards.length)] as string
                  const notes = textOf(cardsOf(doc).get(id) as Y.Map<unknown>, 'notes').toString()
                  editCard(doc, id, { notes: notes + m.text }, ctx)
                }
                log.sent(m.id)
              }, period),
            ),
          (period * (b * shape.editorsPerBoard + e)) /
            (shape.boards.length * shape.editorsPerBoard),
        ),
      )
    }),
  )
  const intervals = await Promise.all(timers)

  await sleep(shape.warmupMs)
  const frames0 = sumStats(all)
  const proc0 = procSample(server.pid)
  const threads0 = threadCpuSample(server.pid)
  const meter = generatorMeter()
  const t0 = performance.now()
  await sleep(shape.measureMs)
  const t1 = performance.now()
  const proc1 = procSample(server.pid)
  const threads1 = threadCpuSample(server.pid)
  const generator = meter.stop()
  const frames1 = sumStats(all)
  for (const interval of intervals) clearInterval(interval)
  await sleep(1500)

  const seconds = (t1 - t0) / 1000
  const deliveredInWindow = log.receipts.filter(
    (r) => r.sentAt + r.latency >= t0 && r.sentAt + r.latency < t1,
  ).length
  const ofWindow = log.receipts.filter((r) => r.sentAt >= t0 && r.sentAt < t1)
  const sentInWindow = [...log.sentAt.values()].filter((at) => at >= t0 && at < t1).length
  const converged = await checkConvergence(boards)
  for (const client of all) client.close()
  return {
    editsSent: sentInWindow,
    deliveredPerSecond: deliveredInWindow / seconds,
    cpuMicrosPerDelivered: (proc1.cpuMicros - proc0.cpuMicros) / deliveredInWindow,
    serverCpuPercent: (100 * (proc1.cpuMicros - proc0.cpuMicros)) / 1000 / (t1 - t0),
    threadMicrosPerDelivered: perDelivered(
      threadCpuBetween(server.pid, threads0, threads1),
      deliveredInWindow,
    ),
    latencyMs: latencySummary(ofWindow.map((r) => r.latency)),
    lost: sentInWindow * (shape.clientsPerBoard - 1) - ofWindow.length,
    framesPerSecond: (frames1.frames - frames0.frames) / seconds,
    bytesPerSecond: (frames1.bytes - frames0.bytes) / seconds,
    rssMB: proc1.rssBytes / 2 ** 20,
    converged,
    boardBytes,
    generator,
  }
}

function perDelivered(spent: ThreadCpu, delivered: number): ThreadCpu {
  return {
    mainUserMicros: spent.mainUserMicros / delivered,
    mainKernelMicros: spent.mainKernelMicros / delivered,
    otherUserMicros: spent.otherUserMicros / delivered,
    otherKernelMicros: spent.otherKernelMicros / delivered,
  }
}

function sumStats(clients: readonly (FullClient | LightClient)[]) {
  let frames = 0
  let bytes = 0
  for (const c of clients) {
    frames += c.stats.frames
    bytes += c.stats.bytes
  }
  return { frames, bytes }
}

/** Every full client of a board ends with the same state vector and the same card contents. */
async function checkConvergence(boards: readonly Board[]): Promise<boolean> {
  const deadline = performance.now() + 5000
  for (;;) {
    const ok = boards.every((board) => {
      const docs = [...board.editors, ...board.observers].map((c) => c.doc)
      const first = docs[0]
      if (!first) return true
      const sv = Buffer.from(Y.encodeStateVector(first))
      const content = canonical(cardsOf(first).toJSON())
      return docs.every(
        (d) =>
          Buffer.from(Y.encodeStateVector(d)).equals(sv) &&
          canonical(cardsOf(d).toJSON()) === content,
      )
    })
    if (ok || performance.now() > deadline) return ok
    await sleep(100)
  }
}

/** JSON with object keys sorted: a Y.Map's key order is the order its updates were applied in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}
