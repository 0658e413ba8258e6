// How the client decides a board's link is alive: after `probeMs` without hearing from the server
// it asks (y-websocket sync step 1, always answered), and after `deadMs` of silence it gives the
// link up. Only silent links are probed, so busy boards cost nothing extra and thousands of idle
// clients per server stay cheap. Tests shorten the times through localStorage.
import type { BackoffPolicy } from './backoff'

export interface LivenessSettings {
  readonly probeMs: number
  /** About two unanswered probes: long enough for a slow network, short enough to be honest. */
  readonly deadMs: number
  readonly backoff: BackoffPolicy
}

export const DEFAULT_LIVENESS: LivenessSettings = {
  probeMs: 15_000,
  deadMs: 35_000,
  backoff: { baseMs: 1_000, maxMs: 30_000 },
}

/** localStorage key a test (or an operator debugging a proxy) sets to a JSON LivenessSettings. */
export const LIVENESS_OVERRIDE_KEY = 'sector-board:liveness'

export function livenessSettings(): LivenessSettings {
  const raw =
    typeof localStorage === 'undefined' ? null : localStorage.getItem(LIVENESS_OVERRIDE_KEY)
  if (!raw) return DEFAULT_LIVENESS
  try {
    const o = JSON.parse(raw) as Partial<Record<string, unknown>>
    const ms = (v: unknown, fallback: number) =>
      typeof v === 'number' && Number.isFinite(v) && v >= 50 ? v : fallback
    const backoff = (o.backoff ?? {}) as Partial<Record<string, unknown>>
    return {
      probeMs: ms(o.probeMs, DEFAULT_LIVENESS.probeMs),
      deadMs: ms(o.deadMs, DEFAULT_LIVENESS.deadMs),
      backoff: {
        baseMs: ms(backoff.baseMs, DEFAULT_LIVENESS.backoff.baseMs),
        maxMs: ms(backoff.maxMs, DEFAULT_LIVENESS.backoff.maxMs),
      },
    }
  } catch {
    return DEFAULT_LIVENESS
  }
}
