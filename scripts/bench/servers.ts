// Starts each server under test as its own child process on loopback, waits until it answers
// HTTP, and stops it. Every child is killed when the bench exits, also on Ctrl-C or an error.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { sleep } from './measure.js'
import type { ServerKind } from './wire.js'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface RunningServer {
  readonly kind: ServerKind
  readonly port: number
  readonly pid: number
  /** performance.now() when the process was spawned. */
  readonly spawnedAt: number
  readonly dataDir: string | undefined
  /** SIGKILL by default; `graceful` sends SIGTERM and waits (our server then stores every room). */
  stop(graceful?: boolean): Promise<void>
}

const children = new Set<ChildProcess>()
function killAll(): void {
  for (const child of children) child.kill('SIGKILL')
}
process.once('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    killAll()
    process.exit(130)
  })

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sector-board-bench-'))
}

interface StartOptions {
  /** Our server's DATA_DIR (a fresh temp folder when omitted). */
  readonly dataDir?: string
  readonly env?: Record<string, string>
}

/**
 * Every server gets the garbage-collect-on-signal hook. Ours runs as `npm start` runs it, from the
 * build in dist/ (see buildOurServer) with the same Node flags; the small Hocuspocus entry point
 * runs through tsx.
 */
const PRELOAD = ['--expose-gc', '--import', './scripts/bench/gc-preload.mjs']

/**
 * Extra Node flags for our server only, for profiling, e.g. BENCH_OURS_NODE_FLAGS="--cpu-prof
 * --cpu-prof-dir=/tmp/prof" or "--perf-basic-prof"; it is then stopped gracefully, so that a
 * profile gets written.
 */
const oursNodeFlags = process.env.BENCH_OURS_NODE_FLAGS?.split(' ').filter(Boolean) ?? []

/** The Node flags `npm start` gives our server (package.json), so the bench runs it the same way. */
function startFlags(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: { start: string }
  }
  const flags = /\bnode ((?:--\S+ )*)dist\/server\/main\.js/.exec(manifest.scripts.start)
  if (!flags) throw new Error('package.json "start" no longer runs node … dist/server/main.js')
  return flags[1]!.split(' ').filter(Boolean)
}

function command(kind: ServerKind): string[] {
  switch (kind) {
    case 'ours':
      return [...PRELOAD, ...startFlags(), ...oursNodeFlags, 'dist/server/main.js']
    case 'reference':
      return [...PRELOAD, 'node_modules/@y/websocket-server/src/server.js']
    case 'hocuspocus':
      return [...PRELOAD, '--import', 'tsx', 'scripts/bench/hocuspocus-server.ts']
  }
}

/** Compiles our server into dist/ once per bench run, so it runs as in production. */
export function buildOurServer(): void {
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {
    cwd: repoRoot,
    stdio: 'inherit',
  })
  if (result.status !== 0)
    throw new Error('building the server (tsc -p tsconfig.build.json) failed')
}

/** Asks a server started here to collect garbage now and report its memory (gc-preload.ts). */
export async function collectGarbage(server: RunningServer): Promise<NodeJS.MemoryUsage> {
  const file = memoryFile(server.port)
  fs.rmSync(file, { force: true })
  process.kill(server.pid, 'SIGUSR2')
  for (let i = 0; i < 100 && !fs.existsSync(file); i++) await sleep(20)
  await sleep(200)
  const usage = JSON.parse(fs.readFileSync(file, 'utf8')) as NodeJS.MemoryUsage
  fs.rmSync(file, { force: true })
  return usage
}

const memoryFile = (port: number) =>
  path.join(os.tmpdir(), `sector-board-bench-memory-${port}.json`)

export async function startServer(
  kind: ServerKind,
  options: StartOptions = {},
): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = kind === 'ours' ? (options.dataDir ?? tempDataDir()) : undefined
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    ...options.env,
  }
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, command(kind), {
    cwd: repoRoot,
    env: { ...env, BENCH_MEMORY_FILE: memoryFile(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  children.add(child)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', () => children.delete(child))
  const healthPath = kind === 'ours' ? '/api/health' : '/'
  const deadline = performance.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited early: ${stderr}`)
    if (performance.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${kind} server did not answer in 30 s: ${stderr}`)
    }
    const ok = await fetch(`http://127.0.0.1:${port}${healthPath}`).then(
      (r) => r.status < 500,
      () => false,
    )
    if (ok) break
    await sleep(25)
  }
  return {
    kind,
    port,
    pid: child.pid as number,
    spawnedAt,
    dataDir,
    async stop(gracefulStop = false) {
      // A CPU profile is written only when the process exits by itself.
      const graceful = gracefulStop || (kind === 'ours' && oursNodeFlags.length > 0)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(graceful ? 'SIGTERM' : 'SIGKILL')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      if (dataDir && !options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
