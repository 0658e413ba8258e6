// Operator endpoints: /healthz (liveness), /readyz (readiness checks, 503 while draining) and
// /metrics (Prometheus text exposition). Outside /api: no session, no access checks.
import { Hono } from 'hono'
import type { Metrics } from '../ops/metrics.js'
import type { Readiness } from '../ops/readiness.js'

export interface OpsDeps {
  readonly readiness: Readiness
  readonly metrics?: Metrics
}

export function opsRoutes({ readiness, metrics }: OpsDeps) {
  const app = new Hono()
  // Liveness: answering at all is the whole test; it never asks a dependency.
  app.get('/healthz', (c) => c.json({ ok: true }))
  app.get('/readyz', async (c) => {
    const report = await readiness.report()
    if (report.ok) return c.json({ ok: true, checks: report.checks })
    const failed = Object.entries(report.checks)
      .filter(([, result]) => result !== 'ok')
      .map(([name]) => name)
    return c.json({ ok: false, draining: report.draining, failed, checks: report.checks }, 503)
  })
  if (metrics)
    app.get('/metrics', async (c) =>
      c.body(await metrics.registry.metrics(), 200, {
        'Content-Type': metrics.registry.contentType,
      }),
    )
  return app
}
