// /healthz and /readyz as a load balancer sees them: over real HTTP against a running server,
// and with failing, slow and draining readiness through the routes themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { opsRoutes } from '../../server/http/ops.js'
import { Readiness } from '../../server/ops/readiness.js'
import type { RunningServer } from '../../server/server.js'
import { startTestServer, tempDataDir } from '../support/server.js'

describe('health and readiness of a running server', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startTestServer(tempDataDir())
  })
  afterAll(() => server.close())

  it('is alive', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('is ready when its database answers', async () => {
    const res = await fetch(`${server.url}/readyz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, checks: { database: 'ok' } })
  })
})

describe('readiness answers', () => {
  const ok = { name: 'database', check: async () => undefined }

  it('is 503 and names the check that failed', async () => {
    const down = {
      name: 'redis',
      check: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
    }
    const res = await opsRoutes({ readiness: new Readiness([ok, down]) }).request('/readyz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      ok: false,
      draining: false,
      failed: ['redis'],
      checks: { database: 'ok', redis: 'connect ECONNREFUSED 127.0.0.1:6379' },
    })
  })

  it('does not wait for a check that hangs longer than its timeout', async () => {
    const hangs = { name: 'database', check: () => new Promise<void>(() => undefined) }
    const started = Date.now()
    const res = await opsRoutes({ readiness: new Readiness([hangs], 100) }).request('/readyz')
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ checks: { database: 'no answer within 100 ms' } })
  })

  it('is 503 while draining even though every dependency is fine', async () => {
    const readiness = new Readiness([ok])
    const routes = opsRoutes({ readiness })
    expect((await routes.request('/readyz')).status).toBe(200)
    readiness.startDraining()
    const res = await routes.request('/readyz')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ ok: false, draining: true })
    expect((await routes.request('/healthz')).status).toBe(200)
  })
})
