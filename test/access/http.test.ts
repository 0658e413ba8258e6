// Access over HTTP through app.request(): sign-in, session cookie, sign-out, failed sign-ins
// slowed down and throttled, and every board-reading route guarded by role.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AccessStore } from '../../server/access/store.js'
import { requireRole, resolveAccessMiddleware } from '../../server/http/access.js'
import { requireBoard } from '../../server/http/require-board.js'
import { MIN_FAILURE_DELAY_MS } from '../../server/http/session.js'
import type { Logger } from '../../server/log.js'
import { createSqliteAccessStore } from '../../server/storage/sqlite-access.js'
import { accounts } from '../../server/access/accounts.js'
import { addUser, captureLog, cookieOf, PASSWORD } from '../support/access.js'
import { TEST_SECRET, testApp as createTestApp } from '../support/app.js'

function testApp(opts: { log?: Logger; host?: string; store?: AccessStore } = {}) {
  const store = opts.store ?? createSqliteAccessStore(':memory:')
  const { app } = createTestApp({ log: opts.log, host: opts.host, access: store })
  return { app, store }
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

async function signIn(app: Hono, userName: string, password = PASSWORD) {
  const res = await app.request('/api/session', json({ userName, password }))
  expect(res.status).toBe(200)
  return { res, cookie: cookieOf(res) }
}

describe('sessions', () => {
  it('signs in with a signed HttpOnly SameSite=Lax cookie, answers who I am, signs out', async () => {
    const captured = captureLog()
    const { app, store } = testApp({ log: captured.log })
    await addUser(store, 'li', [
      ['software', 'editor'],
      ['*', 'viewer'],
    ])
    await accounts(store).addUser('zhao', 'zhao-password', '赵敏')

    const { res, cookie } = await signIn(app, 'LI')
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^sb_session=[^;]+\.[^;]+;/) // value.signature
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).toMatch(/Path=\//)
    const expected = {
      user: { name: 'li', displayName: 'li' },
      shareLink: null,
      roles: {
        'tech-services': 'viewer',
        software: 'editor',
        manufacturing: 'viewer',
        biomedicine: 'viewer',
        marine: 'viewer',
        'energy-materials': 'viewer',
      },
      mode: 'accounts',
    }
    expect(await res.json()).toEqual(expected)
    const me = await app.request('/api/session', { headers: { cookie } })
    expect(await me.json()).toEqual(expected)

    // A tampered signature is no session at all.
    const forged = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    const nobody = await app.request('/api/session', { headers: { cookie: forged } })
    expect(await nobody.json()).toMatchObject({ user: null, roles: {}, mode: 'accounts' })

    const out = await app.request('/api/session', { method: 'DELETE', headers: { cookie } })
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toMatch(/sb_session=;.*Max-Age=0/)
    // The old cookie no longer works: the session is gone on the server, not only in the browser.
    const after = await app.request('/api/session', { headers: { cookie } })
    expect(await after.json()).toMatchObject({ user: null, roles: {} })
    expect(captured.text()).not.toContain(PASSWORD)
  })

  it('refuses a wrong password or unknown user with 401, slowly, and logs no password', async () => {
    const captured = captureLog()
    const { app, store } = testApp({ log: captured.log })
    await addUser(store, 'li', [['*', 'editor']])
    for (const attempt of [
      { userName: 'li', password: 'not-the-password-123' },
      { userName: 'nobody', password: PASSWORD },
    ]) {
      const started = performance.now()
      const res = await app.request('/api/session', json(attempt))
      const took = performance.now() - started
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        error: { code: 'bad-credentials', message: 'wrong user name or password' },
      })
      expect(res.headers.get('set-cookie')).toBeNull()
      expect(took).toBeGreaterThanOrEqual(MIN_FAILURE_DELAY_MS - 10)
    }
    expect(captured.messages()).toContain('sign-in failed')
    expect(captured.text()).not.toContain('not-the-password-123')
    expect(captured.text()).not.toContain(PASSWORD)
    const malformed = await app.request('/api/session', json({ user: 'li' }))
    expect(malformed.status).toBe(400)
  })

  it('throttles repeated failures for a user name with 429 and Retry-After', async () => {
    const { app, store } = testApp()
    await addUser(store, 'li', [['*', 'editor']])
    for (let i = 0; i < 5; i++) {
      const res = await app.request(
        '/api/session',
        json({ userName: 'li', password: `guess-${i}` }),
      )
      expect(res.status).toBe(401)
    }
    const started = performance.now()
    const locked = await app.request('/api/session', json({ userName: 'li', password: PASSWORD }))
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(performance.now() - started).toBeGreaterThanOrEqual(MIN_FAILURE_DELAY_MS - 10)
  })

  it('refuses sign-in from another origin', async () => {
    const { app, store } = testApp()
    await addUser(store, 'li')
    const res = await app.request('/api/session', {
      ...json({ userName: 'li', password: PASSWORD }),
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'bad-origin' } })
  })
})

describe('board routes by role', () => {
  const READS = ['/api/boards', '/api/boards/marine/snapshot']

  it('open mode (no users): every caller reads every board', async () => {
    const { app } = testApp()
    for (const route of READS) expect((await app.request(route)).status).toBe(200)
    const session = await (await app.request('/api/session')).json()
    expect(session).toMatchObject({ user: null, mode: 'open', roles: { marine: 'editor' } })
  })

  it('a server bound beyond loopback with no users lets nobody in', async () => {
    const { app } = testApp({ host: '0.0.0.0' })
    for (const route of READS) expect((await app.request(route)).status).toBe(401)
  })

  it('with users: anonymous 401, no grant 403, viewer or share link 200', async () => {
    const { app, store } = testApp()
    await addUser(store, 'li', [['software', 'viewer']])
    await addUser(store, 'nogrant')
    const li = (await signIn(app, 'li')).cookie
    const nogrant = (await signIn(app, 'nogrant')).cookie

    for (const route of READS) {
      const anonymous = await app.request(route)
      expect(anonymous.status, route).toBe(401)
      expect(await anonymous.json()).toEqual({
        error: { code: 'unauthenticated', message: 'sign in, or open a share link' },
      })
    }
    const forbidden = await app.request('/api/boards/marine/snapshot', { headers: { cookie: li } })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toEqual({
      error: { code: 'forbidden', message: 'no access to board "marine"' },
    })
    expect(
      (await app.request('/api/boards/marine/snapshot', { headers: { cookie: nogrant } })).status,
    ).toBe(403)
    expect(
      (await app.request('/api/boards/software/snapshot', { headers: { cookie: li } })).status,
    ).toBe(200)
    // The board list shows only the boards the caller may see.
    const list = (await (await app.request('/api/boards', { headers: { cookie: li } })).json()) as {
      boards: { id: string; role: string }[]
    }
    expect(list.boards.map((b) => [b.id, b.role])).toEqual([['software', 'viewer']])
    const none = await app.request('/api/boards', { headers: { cookie: nogrant } })
    expect(await none.json()).toEqual({ boards: [] })

    const { token, link } = await accounts(store).createShareLink('marine', { label: 'wall' })
    const viaLink = await app.request(`/api/boards/marine/snapshot?token=${token}`)
    expect(viaLink.status).toBe(200)
    expect((await app.request(`/api/boards/software/snapshot?token=${token}`)).status).toBe(403)
    const who = await app.request(`/api/session?token=${token}`)
    expect(await who.json()).toEqual({
      user: null,
      shareLink: { boardId: 'marine', label: 'wall', expiresAt: null },
      roles: { marine: 'viewer' },
      mode: 'accounts',
    })
    await accounts(store).revokeShareLink(link.id)
    for (const route of [...READS, '/api/session']) {
      const dead = await app.request(`${route}?token=${token}`)
      expect(dead.status, route).toBe(401)
      expect(await dead.json()).toMatchObject({ error: { code: 'invalid-share-link' } })
    }
  })

  it("requireRole('editor') refuses viewers (403) and anonymous callers (401)", async () => {
    const store = createSqliteAccessStore(':memory:')
    await addUser(store, 'editor', [['*', 'editor']])
    await addUser(store, 'viewer', [['*', 'viewer']])
    const { app: main } = testApp({ store })
    const editor = (await signIn(main, 'editor')).cookie
    const viewer = (await signIn(main, 'viewer')).cookie

    // A write route as future ones will be declared.
    const app = new Hono()
    app.use('*', resolveAccessMiddleware({ store, secret: TEST_SECRET, loopbackBind: true }))
    app.post('/boards/:boardId/thing', requireBoard, requireRole('editor'), (c) =>
      c.json({ ok: true }),
    )
    const post = (cookie?: string) =>
      app.request('/boards/marine/thing', { method: 'POST', headers: cookie ? { cookie } : {} })
    expect((await post(editor)).status).toBe(200)
    const refused = await post(viewer)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({
      error: { code: 'forbidden', message: 'a viewer cannot change board "marine"' },
    })
    expect((await post()).status).toBe(401)
    const { token } = await accounts(store).createShareLink('marine')
    const viaLink = await app.request(`/boards/marine/thing?token=${token}`, { method: 'POST' })
    expect(viaLink.status).toBe(403)
    expect((await app.request('/boards/nope/thing', { method: 'POST' })).status).toBe(404)
  })
})
