// Access taken away while a board is open, in real Chromium: the server closes with 1008, the page
// asks who it is again and stops retrying (retrying cannot help). A revoked share link gets "no
// access"; a removed user is sent to sign in; a page that cannot ask says "access revoked" and
// marks the board stale. (A grant revoked: live-role.test.ts.)
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { accounts } from '../../server/access/accounts.js'
import { describeWithBrowser, newClientContext, type Client } from '../support/browser.js'
import { addPerson, signedInClient } from './access-helpers.js'
import { closeAll, waitForStatus } from './board-helpers.js'
import { useServedApp } from './served-app.js'

const LIVENESS = { probeMs: 400, deadMs: 1_500, backoff: { baseMs: 200, maxMs: 500 } }

/** Chromium's console line for GET /api/session answered 401 (the refused share link). */
const REFUSED_LINK_401 =
  'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)'

/** Shortens the page's reconnect delays and counts the WebSockets it opens. */
async function watchSockets(client: Client): Promise<() => number> {
  await client.context.addInitScript({
    content: `localStorage.setItem('sector-board:liveness', ${JSON.stringify(JSON.stringify(LIVENESS))})`,
  })
  let sockets = 0
  client.page.on('websocket', () => sockets++)
  return () => sockets
}

/** Waits long enough for a page still retrying to have tried several times. */
const severalBackoffs = (page: Page) => page.waitForTimeout(LIVENESS.backoff.maxMs * 4)

describeWithBrowser('access revoked while a board is open', () => {
  const app = useServedApp(async (server) => {
    await addPerson(server.access, { name: 'li', displayName: '李明' }, [['marine', 'editor']])
    await addPerson(server.access, { name: 'zhou', displayName: '周工' }, [['marine', 'editor']])
  })

  it('shows "no access" when its share link is revoked, and does not reconnect', async () => {
    const admin = accounts(app.server.access)
    const { link, token } = await admin.createShareLink('marine', { label: 'wall screen' })
    const client = await newClientContext(app.browser, app.server.url, { locale: 'en' })
    const sockets = await watchSockets(client)
    const { page } = client
    try {
      await page.goto(`/board/marine?token=${encodeURIComponent(token)}`)
      await waitForStatus(page, 'synced')
      expect(await page.locator('[data-testid="my-role"]').innerText()).toBe('Viewer')
      await admin.revokeShareLink(link.id)
      await app.server.live.check()
      const noAccess = page.locator('p.page-message[role="alert"]')
      await noAccess.waitFor({ timeout: 5_000 })
      expect(await noAccess.innerText()).toBe('You may not view this board')
      expect(await page.locator('.board-page').count()).toBe(0)
      const socketsAtRevoke = sockets()
      await severalBackoffs(page)
      expect(sockets()).toBe(socketsAtRevoke)
      // The only error: Chromium reporting the server refusing the link (GET /api/session, 401).
      expect(client.errors).toEqual([REFUSED_LINK_401])
    } finally {
      await closeAll(client)
    }
  })

  it('sends a removed user to sign in', async () => {
    const client = await signedInClient(app.browser, app.server.url, 'zhou', { locale: 'en' })
    const sockets = await watchSockets(client)
    const { page } = client
    try {
      await page.goto('/board/marine')
      await waitForStatus(page, 'synced')
      await accounts(app.server.access).removeUser('zhou')
      await app.server.live.check()
      await page.locator('[data-testid="sign-in-form"]').waitFor({ timeout: 5_000 })
      const url = new URL(page.url())
      expect(url.pathname).toBe('/sign-in')
      expect(url.searchParams.get('next')).toBe('/board/marine')
      const socketsAtRevoke = sockets()
      await severalBackoffs(page)
      expect(sockets()).toBe(socketsAtRevoke)
      expect(client.errors).toEqual([])
    } finally {
      await closeAll(client)
    }
  })

  it('says "access revoked" and does not reconnect when it cannot ask who it is', async () => {
    const client = await signedInClient(app.browser, app.server.url, 'li', { locale: 'en' })
    const sockets = await watchSockets(client)
    const { page } = client
    const badge = page.locator('[data-testid="sync-status"]')
    try {
      await page.goto('/board/marine')
      await waitForStatus(page, 'synced')
      // From here on the page cannot reach GET /api/session: it keeps the last answer it had.
      await page.route('**/api/session', (route) => route.abort())
      await accounts(app.server.access).revoke('li', 'marine')
      await app.server.live.check()
      await page.locator('[data-testid="sync-status"][data-status="revoked"]').waitFor()
      expect(await badge.textContent()).toBe('Access revoked — not reconnecting')
      expect(await page.locator('.board-page').getAttribute('data-stale')).toBe('true')
      expect(await page.locator('[data-testid="stale-banner"]').textContent()).toContain(
        'Sign in again',
      )
      const socketsAtRevoke = sockets()
      await severalBackoffs(page)
      expect(await badge.getAttribute('data-status')).toBe('revoked')
      expect(sockets()).toBe(socketsAtRevoke)
    } finally {
      await closeAll(client)
    }
  })
})
