// Prometheus metrics for operators, in a registry of this server instance's own (tests run
// several servers in one process, so the library's global registry is never used).
import { performance, type EventLoopUtilization } from 'node:perf_hooks'
import {
  collectDefaultMetrics,
  Counter,
  exponentialBuckets,
  Gauge,
  Histogram,
  Registry,
} from 'prom-client'

export interface Metrics {
  readonly registry: Registry
  readonly websocketConnections: Gauge<'role'>
  readonly updatesStored: Counter
  readonly storageSeconds: Histogram<'operation'>
  readonly storageFailures: Counter<'operation'>
  readonly messageBytes: Histogram
  readonly refusedMessages: Counter<'reason' | 'code'>
  readonly viewerWritesDropped: Counter
  readonly heartbeatTerminations: Counter
  readonly fanoutMessages: Counter<'direction' | 'kind'>
  readonly fanoutResyncs: Counter
}

export interface MetricSources {
  /** Boards held in memory right now; read at each scrape. */
  roomsLoaded(): number
}

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry()
  // The library samples event-loop delay every 10 ms by default: a hundred wake-ups a second of an
  // otherwise idle server, each costing about 0.1 ms of CPU on a small VM (bench/floor.ts).
  // 100 ms still catches every stall that long; utilization (below) shows saturation with no timer.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 })
  const registers = [registry]
  let lastUtilization: EventLoopUtilization = performance.eventLoopUtilization()
  new Gauge({
    name: 'sector_board_event_loop_utilization',
    help: 'Share of time the event loop was busy since the previous scrape (1 = saturated)',
    registers,
    collect() {
      const now = performance.eventLoopUtilization()
      this.set(performance.eventLoopUtilization(now, lastUtilization).utilization)
      lastUtilization = now
    },
  })
  new Gauge({
    name: 'sector_board_rooms_loaded',
    help: 'Boards loaded in memory',
    registers,
    collect() {
      this.set(sources.roomsLoaded())
    },
  })
  return {
    registry,
    websocketConnections: new Gauge({
      name: 'sector_board_websocket_connections',
      help: 'Open WebSocket connections, by role on their board',
      labelNames: ['role'],
      registers,
    }),
    updatesStored: new Counter({
      name: 'sector_board_updates_stored_total',
      help: 'Document updates appended to storage (rate() gives updates per second)',
      registers,
    }),
    storageSeconds: new Histogram({
      name: 'sector_board_storage_duration_seconds',
      help: 'Time taken by board storage operations',
      labelNames: ['operation'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    storageFailures: new Counter({
      name: 'sector_board_storage_failures_total',
      help: 'Board storage operations that failed',
      labelNames: ['operation'],
      registers,
    }),
    messageBytes: new Histogram({
      name: 'sector_board_message_bytes',
      help: 'Size of WebSocket messages received from clients',
      buckets: exponentialBuckets(16, 4, 9), // 16 B … 1 MiB
      registers,
    }),
    refusedMessages: new Counter({
      name: 'sector_board_refused_messages_total',
      help: 'Connections closed because of what a client sent (or because its access ended)',
      labelNames: ['reason', 'code'],
      registers,
    }),
    viewerWritesDropped: new Counter({
      name: 'sector_board_viewer_writes_dropped_total',
      help: 'Changes sent by read-only viewers, dropped without being applied, stored or relayed',
      registers,
    }),
    heartbeatTerminations: new Counter({
      name: 'sector_board_heartbeat_terminations_total',
      help: 'WebSockets cut off because they did not answer a ping',
      registers,
    }),
    fanoutMessages: new Counter({
      name: 'sector_board_fanout_messages_total',
      help: 'Messages exchanged with other instances over Redis, by direction and kind',
      labelNames: ['direction', 'kind'],
      registers,
    }),
    fanoutResyncs: new Counter({
      name: 'sector_board_fanout_resyncs_total',
      help: 'Times a board caught up from storage because the Redis link had been down',
      registers,
    }),
  }
}

/** Close codes that mean "refused", and the reason label each one is counted under. */
export const REFUSAL_REASONS: Readonly<Record<number, string>> = {
  1003: 'unsupported-data',
  1007: 'invalid-payload',
  1008: 'policy-violation',
  1009: 'too-large',
  1011: 'internal-error',
  1013: 'rate-limited',
}

/** Counts a close as a refusal when its code is one; other codes (1000, 1001) are not counted. */
export function countRefusal(metrics: Metrics, code: number): void {
  const reason = REFUSAL_REASONS[code]
  if (reason) metrics.refusedMessages.inc({ reason, code: String(code) })
}
