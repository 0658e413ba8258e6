// What a scenario is: a run against one freshly started server, returning named numbers, plus
// the metrics the report shows (with which direction is better and whether to show ratios).
import type { GeneratorStats } from './measure.js'
import type { RunningServer } from './servers.js'
import type { ServerKind } from './wire.js'

export interface Metric {
  readonly key: string
  readonly label: string
  /** Lower is better (latency, CPU, memory) unless set. */
  readonly higherIsBetter?: boolean
}

export interface RunContext {
  readonly quick: boolean
  /** Large board content, prepared once per bench (scenarios 5 and 6). */
  readonly large: () => Promise<LargeBoard>
}

export interface LargeBoard {
  readonly board: string
  readonly cards: number
  /** The whole board as one Yjs update, the same bytes pushed into every server. */
  readonly update: Uint8Array
  /** A data folder of our server holding that board, copied for each run. */
  readonly dataDir: string
}

export interface RunValues {
  readonly values: Record<string, number>
  readonly generator?: GeneratorStats
  readonly notes?: string[]
}

export interface Scenario {
  readonly id: number
  readonly title: string
  readonly servers: readonly ServerKind[]
  readonly metrics: readonly Metric[]
  /** Starts its own server when it needs to control the start (cold start); else gets one. */
  readonly ownsServer?: boolean
  run(server: RunningServer | undefined, kind: ServerKind, ctx: RunContext): Promise<RunValues>
}
