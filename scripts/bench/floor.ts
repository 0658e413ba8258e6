// Micro-measurement (not part of `npm run bench`): what this machine charges, in CPU, for the
// parts of relaying one edit that no server code can avoid, to tell how far below the in-memory
// references a durable server can go. Spaced 10 ms apart, as edits arrive in a meeting:
//   - an event-loop wake-up (a timer firing in an otherwise idle process);
//   - a round trip to a worker thread (our SQLite writer's hop), beyond that wake-up;
//   - one message to one of 100 WebSocket peers, sent with `ws` and pre-framed (ws-frame.ts),
//     measured in a child process that only sends.
//   npx tsx scripts/bench/floor.ts
import { fork } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'
import { WebSocket, WebSocketServer } from 'ws'
import { binaryFrame } from '../../server/http/ws-frame.js'
import { median, sleep } from './measure.js'

const ROUNDS = 5
const STEPS = 200
const GAP_MS = 10
const PEERS = 100

const cpuMicros = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return used.user + used.system
}

async function perWake(step: () => Promise<void>): Promise<number> {
  const c0 = process.cpuUsage()
  for (let i = 0; i < STEPS; i++) {
    await step()
    await sleep(GAP_MS)
  }
  return cpuMicros(c0) / STEPS
}

async function wakeAndHop(): Promise<{ wake: number; hop: number }> {
  const worker = new Worker(
    `require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m.id))`,
    { eval: true },
  )
  const update = new Uint8Array(200)
  const roundTrip = () =>
    new Promise<void>((resolve) => {
      worker.once('message', () => resolve())
      worker.postMessage({ id: 1, update })
    })
  await perWake(roundTrip) // warm-up
  const wakes: number[] = []
  const hops: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const wake = await perWake(async () => undefined)
    wakes.push(wake)
    hops.push((await perWake(roundTrip)) - wake)
  }
  await worker.terminate()
  return { wake: median(wakes), hop: median(hops) }
}

/** The child: a ws server that sends what it is told to its peers and reports CPU per send. */
async function sendServer(): Promise<void> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  const peers: { ws: WebSocket; raw: NodeJS.WritableStream }[] = []
  server.on('connection', (ws, request) => peers.push({ ws, raw: request.socket }))
  await new Promise((resolve) => server.once('listening', resolve))
  process.on('message', (mode: 'ws' | 'framed') => {
    void (async () => {
      const c0 = process.cpuUsage()
      for (let i = 0; i < STEPS; i++) {
        const message = new Uint8Array(120).fill(i % 256)
        if (mode === 'ws') for (const peer of peers) peer.ws.send(message)
        else {
          const frame = binaryFrame(message)
          for (const peer of peers) peer.raw.write(frame)
        }
        await sleep(GAP_MS)
      }
      process.send?.(cpuMicros(c0) / (STEPS * peers.length))
    })()
  })
  process.send?.((server.address() as AddressInfo).port)
}

async function perSend(): Promise<{ ws: number; framed: number }> {
  const child = fork(import.meta.filename, ['send-server'], { execArgv: ['--import', 'tsx'] })
  const next = () => new Promise<number>((resolve) => child.once('message', resolve))
  const port = await next()
  const clients = await Promise.all(
    Array.from({ length: PEERS }, async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`)
      await new Promise((resolve) => ws.once('open', resolve))
      return ws
    }),
  )
  const results = { ws: [] as number[], framed: [] as number[] }
  for (let round = 0; round < ROUNDS; round++)
    for (const mode of round % 2 ? (['framed', 'ws'] as const) : (['ws', 'framed'] as const)) {
      child.send(mode)
      results[mode].push(await next())
    }
  for (const ws of clients) ws.terminate()
  child.kill()
  return { ws: median(results.ws), framed: median(results.framed) }
}

if (process.argv[2] === 'send-server') await sendServer()
else {
  const { wake, hop } = await wakeAndHop()
  const send = await perSend()
  const us = (n: number) => `${n.toFixed(1)} µs`
  console.log(`CPU, medians of ${ROUNDS} rounds of ${STEPS} steps ${GAP_MS} ms apart:`)
  console.log(`  event-loop wake-up (idle timer):            ${us(wake)}`)
  console.log(`  worker-thread round trip, beyond a wake-up: ${us(hop)}`)
  console.log(`  one message to one of ${PEERS} peers, ws.send:    ${us(send.ws)}`)
  console.log(`  one message to one of ${PEERS} peers, pre-framed: ${us(send.framed)}`)
  process.exit(0)
}
