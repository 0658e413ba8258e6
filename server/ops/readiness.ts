// Readiness: whether this instance should be sent traffic. Every check runs at each probe, in
// parallel, each cut off after a timeout; while the server drains for shutdown it is never ready.

/** One dependency the instance cannot serve without (database, later Redis). */
export interface ReadinessCheck {
  readonly name: string
  /** Resolves when the dependency answers; rejects (or takes too long) when it does not. */
  check(): Promise<void>
}

export interface ReadinessReport {
  readonly ok: boolean
  readonly draining: boolean
  /** 'ok', or why the check failed, by check name. */
  readonly checks: Record<string, string>
}

export const CHECK_TIMEOUT_MS = 1_000

export class Readiness {
  private drainingNow = false

  constructor(
    private readonly checks: readonly ReadinessCheck[],
    private readonly timeoutMs = CHECK_TIMEOUT_MS,
  ) {}

  get draining(): boolean {
    return this.drainingNow
  }

  /** From now on every probe answers "not ready", so load balancers stop sending traffic. */
  startDraining(): void {
    this.drainingNow = true
  }

  async report(): Promise<ReadinessReport> {
    // A draining server may be closing its database: asking it would only add noise.
    if (this.drainingNow) return { ok: false, draining: true, checks: {} }
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => [name, await outcome(check, this.timeoutMs)]),
    )
    const checks = Object.fromEntries(results) as Record<string, string>
    return { ok: Object.values(checks).every((r) => r === 'ok'), draining: false, checks }
  }
}

async function outcome(check: () => Promise<void>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs)
  })
  try {
    return await Promise.race([
      check().then(
        () => 'ok',
        (error: unknown) => (error instanceof Error ? error.message : String(error)) || 'failed',
      ),
      timeout,
    ])
  } finally {
    clearTimeout(timer)
  }
}
