// Process accounting from /proc (CPU time and resident memory of a server, by pid), the
// generator's own CPU and event-loop delay, and the statistics every scenario reports.
import fs from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

/** Linux USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 1/100 s. */
const TICK_MICROS = 10_000

export interface ProcSample {
  /** utime + stime of the process (all its threads), in microseconds. */
  readonly cpuMicros: number
  readonly rssBytes: number
}

/** User and kernel CPU time from a `/proc/.../stat` file, in microseconds. */
function cpuFromStat(file: string): { user: number; kernel: number } {
  const stat = fs.readFileSync(file, 'utf8')
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After the name: state(3) ... utime(14) stime(15), i.e. indexes 11 and 12 here.
  return { user: Number(fields[11]) * TICK_MICROS, kernel: Number(fields[12]) * TICK_MICROS }
}

export function procSample(pid: number): ProcSample {
  const cpu = cpuFromStat(`/proc/${pid}/stat`)
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
  return { cpuMicros: cpu.user + cpu.kernel, rssBytes: rssKb * 1024 }
}

/** CPU time by thread: the main thread (the event loop) and all others, each as user and kernel. */
export interface ThreadCpu {
  readonly mainUserMicros: number
  readonly mainKernelMicros: number
  /** Worker threads (our SQLite writer), V8's GC helpers and libuv's pool, together. */
  readonly otherUserMicros: number
  readonly otherKernelMicros: number
}

/** Per thread, from /proc/<pid>/task/<tid>/stat; the main thread's tid is the pid. */
export function threadCpuSample(pid: number): Map<number, { user: number; kernel: number }> {
  const threads = new Map<number, { user: number; kernel: number }>()
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      threads.set(Number(tid), cpuFromStat(`/proc/${pid}/task/${tid}/stat`))
    } catch {
      continue // the thread ended meanwhile
    }
  }
  return threads
}

/** CPU spent by each kind of thread between two samples (a thread started meanwhile from 0). */
export function threadCpuBetween(
  pid: number,
  before: ReturnType<typeof threadCpuSample>,
  after: ReturnType<typeof threadCpuSample>,
): ThreadCpu {
  const spent = { mainUserMicros: 0, mainKernelMicros: 0, otherUserMicros: 0, otherKernelMicros: 0 }
  for (const [tid, end] of after) {
    const start = before.get(tid) ?? { user: 0, kernel: 0 }
    if (tid === pid) {
      spent.mainUserMicros += end.user - start.user
      spent.mainKernelMicros += end.kernel - start.kernel
    } else {
      spent.otherUserMicros += end.user - start.user
      spent.otherKernelMicros += end.kernel - start.kernel
    }
  }
  return spent
}

/** The generator's CPU (this process, all threads) and event-loop delay over a window. */
export function generatorMeter() {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  return {
    stop() {
      loop.disable()
      const cpu = process.cpuUsage(cpu0)
      const wallMs = performance.now() - t0
      const cpuMs = (cpu.user + cpu.system) / 1000
      return {
        cpuMs,
        /** Percent of one core; above ~90 the generator, not the server, limits the run. */
        cpuPercent: (100 * cpuMs) / wallMs,
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
      }
    },
  }
}
export type GeneratorStats = ReturnType<ReturnType<typeof generatorMeter>['stop']>

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] as number
}

export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (finite.length === 0) return Number.NaN
  const mid = Math.floor(finite.length / 2)
  return finite.length % 2
    ? (finite[mid] as number)
    : ((finite[mid - 1] as number) + (finite[mid] as number)) / 2
}

export function latencySummary(samples: number[]) {
  const sorted = Float64Array.from(samples).sort()
  const arr = Array.from(sorted)
  return {
    p50: percentile(arr, 50),
    p99: percentile(arr, 99),
    max: arr.length ? (arr[arr.length - 1] as number) : Number.NaN,
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function waitFor(
  check: () => boolean,
  timeoutMs: number,
  what: string,
  stepMs = 20,
): Promise<void> {
  const end = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out after ${timeoutMs} ms: ${what}`)
    await sleep(stepMs)
  }
}
