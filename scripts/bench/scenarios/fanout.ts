// Scenarios 1-3: one or several boards under a steady edit load (see load.ts).
import { runLoad, type LoadShape } from '../load.js'
import type { Metric, Scenario } from '../scenario.js'
import { SERVER_KINDS } from '../wire.js'

const METRICS: readonly Metric[] = [
  { key: 'cpuMicrosPerDelivered', label: 'server CPU µs / delivered update' },
  { key: 'mainUserMicros', label: '  of which main thread, user' },
  { key: 'mainKernelMicros', label: '  of which main thread, kernel' },
  { key: 'otherUserMicros', label: '  of which other threads, user' },
  { key: 'otherKernelMicros', label: '  of which other threads, kernel' },
  { key: 'latencyP50', label: 'latency p50 ms' },
  { key: 'latencyP99', label: 'latency p99 ms' },
  { key: 'latencyMax', label: 'latency max ms' },
  { key: 'deliveredPerSecond', label: 'delivered updates / s', higherIsBetter: true },
  { key: 'framesPerSecond', label: 'frames received / s' },
  { key: 'serverCpuPercent', label: 'server CPU % of a core' },
  { key: 'rssMB', label: 'server RSS MB' },
  { key: 'lost', label: 'missing deliveries' },
  { key: 'converged', label: 'full clients converged (1 = yes)', higherIsBetter: true },
  { key: 'generatorCpuPercent', label: 'generator CPU % of a core' },
  { key: 'generatorLoopDelayP99Ms', label: 'generator event-loop delay p99 ms' },
]

function fanout(id: number, title: string, shape: (quick: boolean) => LoadShape): Scenario {
  return {
    id,
    title,
    servers: SERVER_KINDS,
    metrics: METRICS,
    async run(server, _kind, ctx) {
      if (!server) throw new Error('fan-out needs a server')
      const r = await runLoad(server, shape(ctx.quick))
      const notes: string[] = []
      if (r.generator.cpuPercent > 90) notes.push('generator saturated (CPU > 90% of a core)')
      if (!r.converged) notes.push('full clients did not converge')
      return {
        values: {
          cpuMicrosPerDelivered: r.cpuMicrosPerDelivered,
          ...r.threadMicrosPerDelivered,
          latencyP50: r.latencyMs.p50,
          latencyP99: r.latencyMs.p99,
          latencyMax: r.latencyMs.max,
          deliveredPerSecond: r.deliveredPerSecond,
          framesPerSecond: r.framesPerSecond,
          serverCpuPercent: r.serverCpuPercent,
          rssMB: r.rssMB,
          lost: r.lost,
          converged: r.converged ? 1 : 0,
          editsSent: r.editsSent,
          boardBytes: r.boardBytes,
          generatorCpuPercent: r.generator.cpuPercent,
          generatorLoopDelayP99Ms: r.generator.loopDelayP99Ms,
        },
        generator: r.generator,
        notes,
      }
    },
  }
}

const timing = (quick: boolean) =>
  quick ? { warmupMs: 1000, measureMs: 3000 } : { warmupMs: 2000, measureMs: 10_000 }

export const fanOut = fanout(1, 'Fan-out: 1 board, 50 clients, 5 editors × 10/s', (quick) => ({
  boards: ['marine'],
  clientsPerBoard: quick ? 12 : 50,
  editorsPerBoard: quick ? 2 : 5,
  rate: 10,
  observersPerBoard: 2,
  ...timing(quick),
}))

export const manyBoards = fanout(
  2,
  'Many boards: 6 boards × 30 clients, 2 editors × 5/s each',
  (quick) => ({
    boards: quick
      ? ['marine', 'software']
      : ['tech-services', 'software', 'manufacturing', 'biomedicine', 'marine', 'energy-materials'],
    clientsPerBoard: quick ? 8 : 30,
    editorsPerBoard: 2,
    rate: 5,
    observersPerBoard: 1,
    ...timing(quick),
  }),
)

export const heavyFanOut = fanout(
  3,
  'Heavy fan-out: 1 board, 100 clients, 10 editors × 20/s',
  (quick) => ({
    boards: ['marine'],
    clientsPerBoard: quick ? 20 : 100,
    editorsPerBoard: quick ? 3 : 10,
    rate: 20,
    observersPerBoard: 2,
    ...timing(quick),
  }),
)
