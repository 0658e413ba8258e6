// Failed sign-in throttling (one instance per user name, one per client address): after a few
// failures a key is locked for a time that doubles with each further failure. In memory, bounded.
const BASE_LOCK_MS = 1_000
const MAX_LOCK_MS = 15 * 60_000
/** Failures older than this are forgotten. */
const FORGET_MS = 15 * 60_000
const MAX_KEYS = 10_000

interface Entry {
  failures: number
  lockedUntil: number
  lastFailure: number
}

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>()

  constructor(
    /** Failures allowed before the first lock. */
    private readonly freeFailures = 5,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until any of `keys` may try again (0 when none is locked). */
  retryAfter(keys: readonly string[]): number {
    const now = this.now()
    let wait = 0
    for (const key of keys) {
      const entry = this.live(key, now)
      if (entry) wait = Math.max(wait, entry.lockedUntil - now)
    }
    return wait
  }

  failed(keys: readonly string[]): void {
    const now = this.now()
    for (const key of keys) {
      const entry = this.live(key, now) ?? { failures: 0, lockedUntil: 0, lastFailure: now }
      entry.failures++
      entry.lastFailure = now
      if (entry.failures >= this.freeFailures)
        entry.lockedUntil =
          now + Math.min(BASE_LOCK_MS * 2 ** (entry.failures - this.freeFailures), MAX_LOCK_MS)
      this.entries.delete(key)
      this.entries.set(key, entry) // Map order = least recently failed first
    }
    while (this.entries.size > MAX_KEYS) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  succeeded(keys: readonly string[]): void {
    for (const key of keys) this.entries.delete(key)
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key)
    if (entry && now - entry.lastFailure > FORGET_MS && entry.lockedUntil <= now) {
      this.entries.delete(key)
      return undefined
    }
    return entry
  }
}
