// Micro-measurement (not part of `npm run bench`): how long one durable SQLite append holds the
// event loop. Runs the board store the server uses on a temp file and reports, per append: the
// synchronous time inside `append()`, the main thread's busy time (event-loop utilisation), the
// process's CPU (all threads), and the event-loop delay a 1 ms timer sees meanwhile; once awaiting
// each append (one room) and once with six boards appending at the same time (six rooms).
//   npx tsx scripts/bench/append-blocking.ts [appends=2000] [FULL|NORMAL]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { createSqliteStorage } from '../../server/storage/create.js'

const total = Number(process.argv[2] ?? 2000)
const synchronous = process.argv[3] === 'NORMAL' ? 'NORMAL' : 'FULL'
const payload = new Uint8Array(200).fill(42)
const boards = ['software', 'marine', 'biomedicine', 'logistics', 'energy', 'tourism']

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN

async function measure(label: string, lanes: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'append-blocking-'))
  const storage = createSqliteStorage(path.join(dir, 'sector-board.sqlite'), synchronous)
  await storage.boards.append('warm-up', payload)
  const inCall: number[] = []
  const delay = monitorEventLoopDelay({ resolution: 1 })
  const elu0 = performance.eventLoopUtilization()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  delay.enable()
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; i < total / lanes; i++) {
        const start = performance.now()
        const appended = storage.boards.append(boards[lane % boards.length]!, payload)
        inCall.push(performance.now() - start)
        await appended
        // As a room does, between messages: timers (and the delay monitor) get their turn.
        await new Promise((resolve) => setImmediate(resolve))
      }
    }),
  )
  delay.disable()
  const wallMs = performance.now() - t0
  const elu = performance.eventLoopUtilization(elu0)
  const cpu = process.cpuUsage(cpu0)
  await storage.close()
  fs.rmSync(dir, { recursive: true, force: true })
  inCall.sort((a, b) => a - b)
  const us = (ms: number) => (ms * 1000).toFixed(1)
  console.log(
    `${label} (${synchronous}, ${total} appends): ` +
      `in append() mean ${us(inCall.reduce((a, b) => a + b, 0) / inCall.length)} µs, ` +
      `p99 ${us(quantile(inCall, 0.99))} µs, max ${us(inCall.at(-1) ?? 0)} µs; ` +
      `main thread busy ${us(elu.active / total)} µs/append; ` +
      `process CPU (all threads) ${((cpu.user + cpu.system) / total).toFixed(1)} µs/append; ` +
      `wall ${us(wallMs / total)} µs/append (${Math.round((total / wallMs) * 1000)}/s); ` +
      `loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(2)} ms, ` +
      `max ${(delay.max / 1e6).toFixed(2)} ms`,
  )
}

await measure('one board, awaiting each', 1)
await measure('six boards at once', 6)
