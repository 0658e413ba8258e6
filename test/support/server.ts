// Real servers for integration tests: in-process on a random loopback port, or as a child
// process (for kill -9), each with its own data folder.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { afterEach } from 'vitest'
import { readConfig } from '../../server/config.js'
import { startServer, type RunningServer } from '../../server/server.js'
import type { BoardClient } from './clients.js'
import { silentLog } from './log.js'

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sector-board-it-'))
}

export function testEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extra }
}

export function startTestServer(
  dataDir: string,
  extra: Record<string, string> = {},
): Promise<RunningServer> {
  return startServer(readConfig(testEnv(dataDir, extra)), { log: silentLog })
}

/**
 * For a test file whose tests each start their own in-process server: `serve()` starts one on a
 * fresh data folder; it, and every client pushed on `clients`, is closed after each test.
 */
export function serverPerTest() {
  const servers: RunningServer[] = []
  const clients: BoardClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close()
    for (const s of servers.splice(0)) await s.close()
  })
  return {
    clients,
    async serve() {
      const dataDir = tempDataDir()
      const server = await startTestServer(dataDir)
      servers.push(server)
      return { server, dataDir }
    },
  }
}

export interface ChildServer {
  readonly url: string
  readonly child: ChildProcess
}

const repoRoot = path.resolve(import.meta.dirname, '../..')

/** Starts `server/main.ts` in a child process and resolves once it logs its URL. */
export function startChildServer(
  dataDir: string,
  extra: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...testEnv(dataDir, { LOG_LEVEL: 'info', ...extra }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream })
    const timer = setTimeout(() => reject(new Error('child server did not start in 20 s')), 20_000)
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string }
        if (entry.msg === 'sector board listening' && entry.url) {
          clearTimeout(timer)
          resolve({ url: entry.url, child })
        }
      } catch {
        // not a log line
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`child server exited early with ${code}`))
    })
  })
}

export function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}
