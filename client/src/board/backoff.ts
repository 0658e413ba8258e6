// Reconnect delays: exponential, capped, with full jitter, so that the thousands of clients a
// server restart drops at once come back spread out over time instead of in one wave.

export interface BackoffPolicy {
  /** Ceiling of the first retry's delay. */
  readonly baseMs: number
  /** No delay is ever longer than this. */
  readonly maxMs: number
}

/** The longest wait before retry number `attempt` (0 = the first retry after a loss). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  // Capping the exponent keeps 2 ** attempt finite however long the outage lasts.
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempt, 0), 30))
}

/** Full jitter: a uniformly random wait between 0 and the ceiling for this attempt. */
export function reconnectDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  return Math.round(random() * backoffCeiling(attempt, policy))
}
