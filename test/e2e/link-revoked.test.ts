// Access taken away while a board is open, in real Chromium: the server closes with 1008, and the
// page says so plainly, marks the board stale and stops retrying (retrying cannot help).
import { expect, it } from 'vitest'
import { accounts } from '../../server/access/accounts.js'
import { describeWithBrowser } from '../support/browser.js'
import { addPerson, signedInClient } from './access-helpers.js'
import { closeAll, waitForStatus } from './board-helpers.js'
import { useServedApp } from './served-app.js'

const LIVENESS = { probeMs: 400, deadMs: 1_500, backoff: { baseMs: 200, maxMs: 500 } }

describeWithBrowser('access revoked while a board is open', () => {
  const app = useServedApp(async (server) => {
    await addPerson(server.access, { name: 'li', displayName: '李明' }, [['marine', 'editor']])
  })

  it('shows "access revoked" and does not reconnect', async () => {
    const client = await signedInClient(app.browser, app.server.url, 'li', { locale: 'en' })
    await client.context.addInitScript({
      content: `localStorage.setItem('sector-board:liveness', ${JSON.stringify(JSON.stringify(LIVENESS))})`,
    })
    const { page } = client
    const badge = page.locator('[data-testid="sync-status"]')
    try {
      await page.goto('/board/marine')
      await waitForStatus(page, 'synced')
      await accounts(app.server.access).revoke('li', 'marine')
      await app.server.live.check()
      await page.locator('[data-testid="sync-status"][data-status="revoked"]').waitFor()
      expect(await badge.textContent()).toBe('Access revoked — not reconnecting')
      expect(await page.locator('.board-page').getAttribute('data-stale')).toBe('true')
      expect(await page.locator('[data-testid="stale-banner"]').textContent()).toContain(
        'Sign in again',
      )
      // A client still retrying would show "retrying" or "connecting" within a few backoffs.
      await page.waitForTimeout(LIVENESS.backoff.maxMs * 4)
      expect(await badge.getAttribute('data-status')).toBe('revoked')
    } finally {
      await closeAll(client)
    }
  })
})
