// A board behind a misbehaving proxy, in real Chromium: when the proxy stalls the page says it is
// not live and marks the board stale within the watchdog time, keeps retrying while the proxy
// refuses connections, and once the proxy works again is live with what others did meanwhile.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import type { RunningServer } from '../../server/server.js'
import { describeWithBrowser, newClientContext, saveScreenshot } from '../support/browser.js'
import { buildClientOnce } from '../support/client-build.js'
import { joinBoard } from '../support/clients.js'
import { startTestServer, tempDataDir } from '../support/server.js'
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js'
import { closeAll, poll, waitForStatus } from './board-helpers.js'
import { useServedApp } from './served-app.js'

/** Shortened liveness rules (client/src/board/liveness-settings.ts) so the test runs in seconds. */
const LIVENESS = { probeMs: 400, deadMs: 1_500, backoff: { baseMs: 300, maxMs: 1_000 } }

/** Records in the page every status the badge shows (retries may pass in a blink). */
function recordStatuses(page: Page): Promise<void> {
  return page.evaluate(`{
    const seen = (window.seenStatuses = [])
    const record = () => {
      const badge = document.querySelector('[data-testid="sync-status"]')
      seen.push([badge?.dataset.status, badge?.dataset.cause].filter(Boolean).join(':'))
    }
    record()
    const all = { subtree: true, childList: true, characterData: true, attributes: true }
    new MutationObserver(record).observe(document.body, all)
  }`)
}

/** `status` or `retrying:cause` for every change since recordStatuses(page). */
function seenStatuses(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.seenStatuses')
}

describeWithBrowser('a board behind a proxy that stalls and refuses', () => {
  const app = useServedApp()
  let proxy: TcpProxy
  beforeAll(async () => {
    proxy = await startTcpProxy(app.server.port)
  })
  afterAll(() => proxy?.close())

  it('shows not-live and stale while the proxy is down, then live with the edits made meanwhile', async () => {
    const client = await newClientContext(app.browser, proxy.url, { locale: 'zh', name: '王工' })
    await client.context.addInitScript({
      content: `localStorage.setItem('sector-board:liveness', ${JSON.stringify(JSON.stringify(LIVENESS))})`,
    })
    const { page } = client
    const badge = page.locator('[data-testid="sync-status"]')
    const boardPage = page.locator('.board-page')
    try {
      await page.goto('/board/marine')
      await waitForStatus(page, 'synced')
      expect(await boardPage.getAttribute('data-stale')).toBe('false')
      expect(await badge.textContent()).toContain('实时')

      // Live for a few probe rounds through a working proxy: the watchdog does not misfire.
      await recordStatuses(page)
      await page.waitForTimeout(LIVENESS.deadMs * 2)
      expect(await badge.getAttribute('data-status')).toBe('synced')
      expect(new Set(await seenStatuses(page))).toEqual(new Set(['synced']))

      proxy.stall()
      const stalledAt = Date.now()
      await page.locator('[data-testid="sync-status"][data-live="false"]').waitFor({
        state: 'attached',
        timeout: LIVENESS.deadMs + 3_000,
      })
      const noticedMs = Date.now() - stalledAt
      console.info(`e2e: stalled proxy shown as not live after ${noticedMs} ms`)
      expect(noticedMs).toBeLessThan(LIVENESS.deadMs + 2_000)
      expect(await boardPage.getAttribute('data-stale')).toBe('true')
      await page.locator('[data-testid="stale-banner"]').waitFor()
      await expect.poll(() => badge.textContent(), poll).toMatch(/未连接/)

      // Upgrades refused now; someone else edits straight on the server meanwhile.
      proxy.refuse()
      const other = await joinBoard(app.server.url, 'marine')
      const title = '代理中断期间新增的项目'
      addCard(other.doc, { stage: 'engaging', title }, { actor: 'other' })
      await page.waitForTimeout(LIVENESS.backoff.maxMs * 2)
      expect(await badge.getAttribute('data-status')).not.toBe('synced')
      expect(await page.getByText(title).count()).toBe(0)
      await saveScreenshot(page, 'link-liveness-not-live')

      proxy.resume()
      const resumedAt = Date.now()
      await waitForStatus(page, 'synced', 10_000)
      console.info(`e2e: live again ${Date.now() - resumedAt} ms after the proxy resumed`)
      await page.getByText(title).waitFor({ timeout: 5_000 })
      expect(await boardPage.getAttribute('data-stale')).toBe('false')
      expect(await page.locator('[data-testid="stale-banner"]').count()).toBe(0)
      other.close()
      expect(client.errors.filter((e) => !e.includes('WebSocket'))).toEqual([])
    } finally {
      await closeAll(client)
    }
  })

  it('says the server is restarting on 1001 and is live again after the restart', async () => {
    const [clientDir, dataDir] = [await buildClientOnce(), tempDataDir()]
    let server: RunningServer | undefined = await startTestServer(dataDir, {
      CLIENT_DIR: clientDir,
    })
    const port = server.port
    const front = await startTcpProxy(port)
    const client = await newClientContext(app.browser, front.url, { locale: 'en', name: 'Li' })
    await client.context.addInitScript({
      content: `localStorage.setItem('sector-board:liveness', ${JSON.stringify(JSON.stringify(LIVENESS))})`,
    })
    const { page } = client
    try {
      await page.goto('/board/biomedicine')
      await waitForStatus(page, 'synced')
      await recordStatuses(page)
      const other = await joinBoard(server.url, 'biomedicine')
      const title = 'Edited just before the restart'
      addCard(other.doc, { stage: 'engaging', title }, { actor: 'other' })
      await page.getByText(title).waitFor({ timeout: 5_000 })
      other.close()

      await server.close()
      server = undefined
      await page.locator('[data-testid="sync-status"][data-live="false"]').waitFor()
      await expect.poll(() => seenStatuses(page), poll).toContain('retrying:restarting')
      expect(await page.locator('.board-page').getAttribute('data-stale')).toBe('true')

      server = await startTestServer(dataDir, { CLIENT_DIR: clientDir, PORT: String(port) })
      await waitForStatus(page, 'synced', 10_000)
      expect(await page.getByText(title).count()).toBe(1)
      expect(await page.locator('.board-page').getAttribute('data-stale')).toBe('false')
    } finally {
      await closeAll(client)
      await front.close()
      await server?.close()
    }
  })
})
