// /readyz as a load balancer sees it when a service behind an instance stops: Redis (a server of
// the test's own, killed and restarted) and the database (reached through a proxy that is cut, as
// when PostgreSQL stops: connections reset, new ones refused). Ready again once they are back.
import { afterEach, expect, it, vi } from 'vitest'
import type { RunningServer } from '../../server/server.js'
import { clusterSetup, describeCluster, type ClusterSetup } from '../support/cluster.js'
import { TEST_DATABASE_URL } from '../support/postgres.js'
import { startOwnRedis, type OwnRedis } from '../support/redis.js'
import { startTestServer } from '../support/server.js'
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js'

const open: {
  servers: RunningServer[]
  redis: OwnRedis[]
  proxies: TcpProxy[]
  setups: ClusterSetup[]
} = { servers: [], redis: [], proxies: [], setups: [] }
afterEach(async () => {
  for (const s of open.servers.splice(0)) await s.close()
  for (const r of open.redis.splice(0)) await r.kill()
  for (const p of open.proxies.splice(0)) await p.close()
  for (const s of open.setups.splice(0)) await s.drop()
})

async function readyz(server: RunningServer): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/readyz`)
  return { status: res.status, body: await res.json() }
}

describeCluster('readiness when a service stops', () => {
  it('reports Redis stopped, and ready again once it is back', { timeout: 30_000 }, async () => {
    const redis = await startOwnRedis()
    open.redis.push(redis)
    const setup = clusterSetup({ redisUrl: redis.url })
    open.setups.push(setup)
    const server = await startTestServer(setup.dataDir, setup.env)
    open.servers.push(server)
    await vi.waitFor(async () =>
      expect(await readyz(server)).toEqual({
        status: 200,
        body: { ok: true, checks: { database: 'ok', redis: 'ok' } },
      }),
    )
    await redis.kill()
    await vi.waitFor(async () =>
      expect(await readyz(server)).toMatchObject({
        status: 503,
        body: { ok: false, failed: ['redis'], checks: { database: 'ok' } },
      }),
    )
    await redis.restart()
    await vi.waitFor(async () => expect((await readyz(server)).status).toBe(200), {
      timeout: 10_000,
      interval: 200,
    })
  })

  it(
    'reports the database stopped, and ready again once it is back',
    { timeout: 30_000 },
    async () => {
      const pgPort = Number(new URL(TEST_DATABASE_URL).port || 5432)
      const proxy = await startTcpProxy(pgPort, new URL(TEST_DATABASE_URL).hostname)
      open.proxies.push(proxy)
      const setup = clusterSetup()
      open.setups.push(setup)
      const database = new URL(TEST_DATABASE_URL)
      database.host = new URL(proxy.url).host
      const server = await startTestServer(setup.dataDir, {
        ...setup.env,
        DATABASE_URL: database.toString(),
      })
      open.servers.push(server)
      expect((await readyz(server)).status).toBe(200)
      proxy.cut()
      await vi.waitFor(async () =>
        expect(await readyz(server)).toMatchObject({
          status: 503,
          body: { ok: false, failed: ['database'], checks: { redis: 'ok' } },
        }),
      )
      proxy.resume()
      await vi.waitFor(async () => expect((await readyz(server)).status).toBe(200), {
        timeout: 10_000,
        interval: 200,
      })
    },
  )
})
