// `npm run bench`: runs the scenarios against our server and the two in-memory references,
// alternating servers (A B C A B C) with a fresh process per run, then prints medians and ratios
// and writes the results as JSON. Options: --quick, --scenario N[,M], --rounds N, --out file,
// --servers ours[,reference,hocuspocus] (only those; for quick before/after checks of one server).
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { prepareLargeBoard } from './large-board.js'
import { machine, summarize, table, writeJson, type RunRecord } from './report.js'
import type { LargeBoard, RunContext, Scenario } from './scenario.js'
import { browser } from './scenarios/browser.js'
import { coldStart } from './scenarios/cold.js'
import { costSplit } from './scenarios/cost-split.js'
import { fanOut, heavyFanOut, manyBoards } from './scenarios/fanout.js'
import { idle } from './scenarios/idle.js'
import { largeBoard } from './scenarios/large.js'
import { buildOurServer, repoRoot, startServer } from './servers.js'

const ALL: readonly Scenario[] = [
  fanOut,
  manyBoards,
  heavyFanOut,
  idle,
  largeBoard,
  coldStart,
  browser,
  costSplit,
]
/** Scenario 8 is a diagnostic for the hot path: run only when asked for (--scenario 8). */
const DEFAULT_IDS = new Set([1, 2, 3, 4, 5, 6, 7])

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string' },
    rounds: { type: 'string' },
    out: { type: 'string' },
    servers: { type: 'string' },
  },
})
const quick = args.quick ?? false
const rounds = Number(args.rounds ?? (quick ? 1 : 3))
const wanted = args.scenario ? new Set(args.scenario.split(',').map(Number)) : undefined
const onlyServers = args.servers ? new Set(args.servers.split(',')) : undefined
const scenarios = ALL.filter((s) => (wanted ? wanted.has(s.id) : DEFAULT_IDS.has(s.id)))
buildOurServer()
const startedAt = new Date()
const out =
  args.out ??
  path.join(repoRoot, 'bench-results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)

let large: Promise<LargeBoard> | undefined
const ctx: RunContext = {
  quick,
  large: () => (large ??= prepareLargeBoard(quick ? 1000 : 5000)),
}

/** A run that hangs (a server that never answers a sync) fails instead of stalling the bench. */
const RUN_TIMEOUT_MS = 300_000
const runs: RunRecord[] = []
// A stray rejection inside a scenario must not end the whole bench; the run itself still fails.
process.on('unhandledRejection', (error) => console.error('  unhandled rejection:', error))
console.log(
  `sector board bench: ${quick ? 'quick, ' : ''}${rounds} round(s), scenarios ${scenarios.map((s) => s.id).join(',')}`,
)
for (const scenario of scenarios) {
  for (let round = 1; round <= rounds; round++) {
    for (const kind of scenario.servers.filter((k) => onlyServers?.has(k) ?? true)) {
      const t0 = performance.now()
      const server = scenario.ownsServer ? undefined : await startServer(kind)
      try {
        const result = await withTimeout(scenario.run(server, kind, ctx), RUN_TIMEOUT_MS)
        runs.push({ scenario: scenario.id, server: kind, round, ...result })
        const secs = ((performance.now() - t0) / 1000).toFixed(1)
        console.log(`  [${scenario.id}] round ${round} ${kind}: ${secs} s ${brief(result.values)}`)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        runs.push({ scenario: scenario.id, server: kind, round, values: {}, error: message })
        console.log(`  [${scenario.id}] round ${round} ${kind}: FAILED ${message}`)
      } finally {
        await server?.stop()
      }
    }
  }
}

const summaries = summarize(scenarios, runs)
const info = machine()
console.log(
  `\n${info.cpuModel}, ${info.cpus} CPUs, ${info.memoryGB} GB, Node ${info.node}, ${startedAt.toISOString()}`,
)
console.log(table(summaries, runs))
writeJson(out, {
  startedAt: startedAt.toISOString(),
  quick,
  rounds,
  machine: info,
  summaries,
  runs,
})
console.log(`\nresults: ${path.relative(process.cwd(), out)}`)
if (large) fs.rmSync((await large).dataDir, { recursive: true, force: true })
process.exit(0)

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`run took longer than ${ms / 1000} s`)), ms)
  })
  return Promise.race([work, expired]).finally(() => clearTimeout(timer))
}

function brief(values: Record<string, number>): string {
  return Object.entries(values)
    .slice(0, 4)
    .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(2)}`)
    .join(' ')
}
