// Redis for tests: the machine's shared server (with a key prefix per run so runs never collide),
// or a private redis-server on a free port that a test may stop and restart.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import net from 'node:net'
import { Redis } from 'ioredis'

export const SHARED_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null })
  client.on('error', () => undefined)
  try {
    await client.connect()
    return (await client.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

const sharedRedisAnswers = await answers(SHARED_REDIS_URL)

/** Whether the shared Redis answers; under CI=true a missing Redis is a failure. */
export function redisAvailable(): boolean {
  if (sharedRedisAnswers) return true
  if (process.env.CI === 'true')
    throw new Error(`CI=true but Redis does not answer at ${SHARED_REDIS_URL}`)
  console.warn(`Redis does not answer at ${SHARED_REDIS_URL}; skipping the tests that need it`)
  return false
}

/** A channel prefix no other test run uses. */
export function uniqueRedisPrefix(): string {
  return `sector-board-test:${process.pid}:${randomUUID().slice(0, 8)}:`
}

/** A loopback port nothing listens on (as the OS hands out, free a moment ago). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export interface OwnRedis {
  readonly url: string
  /** Kills the server at once (as a crash would). */
  kill(): Promise<void>
  /** Starts it again on the same port. */
  restart(): Promise<void>
}

function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start in 10 s')), 10_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)))
  })
}

/** A redis-server of the test's own, from the installed binary, on a free loopback port. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort()
  let child: ChildProcess | null = await spawnRedis(port)
  const kill = async () => {
    const running = child
    child = null
    if (!running || running.exitCode !== null) return
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve())
      running.kill('SIGKILL')
    })
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    async restart() {
      await kill()
      child = await spawnRedis(port)
    },
  }
}
