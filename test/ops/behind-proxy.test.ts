// Behind a reverse proxy, over real HTTP: with TRUST_PROXY the sign-in throttle keys on the
// client's address from X-Forwarded-For (the right-most entry; forged ones to its left do not
// help), without it the header is ignored; session cookies get Secure for an https PUBLIC_URL.
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/server.js'
import { addUser, PASSWORD } from '../support/access.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const running: RunningServer[] = []
afterEach(async () => {
  for (const server of running.splice(0)) await server.close()
})

async function serve(env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await startTestServer(tempDataDir(), env)
  running.push(server)
  await addUser(server.access, 'li')
  return server
}

function signIn(server: RunningServer, userName: string, password: string, forwardedFor?: string) {
  return fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ userName, password }),
  })
}

/** Failed sign-ins an address may make before it is locked (server/http/app.ts). */
const ADDRESS_FREE_FAILURES = 20

/** That many failed sign-ins, each under another (unknown) user name, so only the address counts. */
async function failFromEveryAddress(server: RunningServer, forwardedFor: (i: number) => string) {
  const statuses = await Promise.all(
    Array.from({ length: ADDRESS_FREE_FAILURES }, (_, i) =>
      signIn(server, `nobody-${i}`, 'wrong password', forwardedFor(i)).then((r) => r.status),
    ),
  )
  expect(statuses.every((s) => s === 401)).toBe(true)
}

describe('TRUST_PROXY', () => {
  it('throttles the client named by the proxy, not the proxy itself', async () => {
    const server = await serve({ TRUST_PROXY: '1' })
    // The attacker forges entries to the left; the proxy appends the real address on the right.
    await failFromEveryAddress(server, (i) => `10.0.0.${i}, 203.0.113.7`)
    const attacker = await signIn(server, 'nobody-x', 'wrong', '192.0.2.1, 203.0.113.7')
    expect(attacker.status).toBe(429)
    expect(attacker.headers.get('retry-after')).toMatch(/^\d+$/)
    // A colleague behind the same proxy, from another address, still signs in.
    expect((await signIn(server, 'li', PASSWORD, '198.51.100.9')).status).toBe(200)
  })

  it('is off by default: X-Forwarded-For cannot dodge the throttle', async () => {
    const server = await serve()
    await failFromEveryAddress(server, (i) => `203.0.113.${i}`)
    expect((await signIn(server, 'nobody-x', 'wrong', '198.51.100.77')).status).toBe(429)
  })
})

describe('session cookie', () => {
  const setCookie = async (server: RunningServer) => {
    const res = await signIn(server, 'li', PASSWORD)
    expect(res.status).toBe(200)
    return res.headers.get('set-cookie') ?? ''
  }

  it('is Secure when PUBLIC_URL is https (the proxy terminates TLS)', async () => {
    const server = await serve({ PUBLIC_URL: 'https://board.example.org' })
    expect(await setCookie(server)).toMatch(/;\s*Secure/i)
  })

  it('is not Secure on plain http, or with COOKIE_SECURE=false', async () => {
    expect(await setCookie(await serve())).not.toMatch(/Secure/i)
    const server = await serve({ PUBLIC_URL: 'https://board.example.org', COOKIE_SECURE: 'false' })
    expect(await setCookie(server)).not.toMatch(/Secure/i)
  })

  it('is Secure with COOKIE_SECURE=true', async () => {
    expect(await setCookie(await serve({ COOKIE_SECURE: 'true' }))).toMatch(/;\s*Secure/i)
  })
})
