// An open board page follows its person's role live, in real Chromium against a real server in
// accounts mode: an admin demotes an editor (the editing controls vanish, the board stays live),
// promotes them back (editing works again) and revokes the grant ("no access"), all without a
// reload and without the board being downloaded again.
import fs from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { accounts } from '../../server/access/accounts.js'
import { describeWithBrowser, type Client } from '../support/browser.js'
import {
  addPerson,
  EDITING_CONTROLS,
  fetchSnapshot,
  signedInClient,
  type Person,
} from './access-helpers.js'
import {
  cardIdByTitle,
  cardTile,
  closeAll,
  closeEditor,
  columnIds,
  createCard,
  editor,
  openCard,
  poll,
  waitForStatus,
} from './board-helpers.js'
import { useServedApp } from './served-app.js'

/** Quick reconnects, so that "a few seconds" is not spent waiting on the default backoff. */
const LIVENESS = { probeMs: 400, deadMs: 1_500, backoff: { baseMs: 200, maxMs: 500 } }

/** How long a person may wait for the page to show their new role. */
const fewSeconds = { timeout: 5_000, interval: 50 }

/** The editor whose role the admin changes. */
const LI: Person = { name: 'li', displayName: '李明 Li' }
/** Another editor, whose changes must keep reaching Li's page. */
const WANG: Person = { name: 'wang', displayName: '王工 Wang' }

/** Form controls of the card editor that accept input. */
const enabledControls =
  'fieldset.editor-fields :is(input, textarea, select, button, fieldset):enabled'

const countEditingControls = (page: Page) =>
  Promise.all(EDITING_CONTROLS.map((id) => page.locator(`[data-testid="${id}"]`).count())).then(
    (counts) => counts.reduce((a, b) => a + b, 0),
  )

const titlesOn = (page: Page) =>
  page.locator('article[data-testid="card"] .card-title').allTextContents()

/** Takes `client`'s browser offline and makes a card on `page` there (kept on this device). */
async function makeCardOffline(client: Client, page: Page, title: string): Promise<void> {
  // The service worker fetched first: going offline while it registers logs an error.
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)')
  await client.context.setOffline(true)
  await waitForStatus(page, 'offline', 5_000)
  await createCard(page, 'engaging', title)
  await closeEditor(page)
}

describeWithBrowser('a board page follows its role live', () => {
  const app = useServedApp(async (server) => {
    await addPerson(server.access, LI, [['software', 'editor']])
    await addPerson(server.access, WANG, [['software', 'editor']])
  })

  /** Changes Li's access the way an admin does, and has the server notice it at once. */
  async function asAdmin(change: (admin: ReturnType<typeof accounts>) => Promise<void>) {
    await change(accounts(app.server.access))
    await app.server.live.check()
  }

  /** Li's and Wang's browsers, signed in; Li's page reconnects quickly (LIVENESS). */
  async function signInLiAndWang() {
    const clients = await Promise.all([
      signedInClient(app.browser, app.server.url, LI.name, { locale: 'en' }),
      signedInClient(app.browser, app.server.url, WANG.name, { locale: 'en' }),
    ])
    await clients[0].context.addInitScript({
      content: `localStorage.setItem('sector-board:liveness', ${JSON.stringify(JSON.stringify(LIVENESS))})`,
    })
    return clients
  }

  it('demotes, promotes and revokes an open page without a reload', async () => {
    const [li, wang] = await signInLiAndWang()
    const { page } = li
    const role = page.locator('[data-testid="my-role"]')
    const boardDownloads: string[] = []
    let sockets = 0
    page.on('request', (request) => {
      if (/\/api\/boards\/software\/(state|view)\b/.test(request.url()))
        boardDownloads.push(request.url())
    })
    page.on('websocket', () => sockets++)
    try {
      await Promise.all([page.goto('/board/software'), wang.page.goto('/board/software')])
      await Promise.all([waitForStatus(page, 'synced'), waitForStatus(wang.page, 'synced')])
      expect(await role.innerText()).toBe('Editor')
      expect(await countEditingControls(page)).toBeGreaterThan(0)
      // Marks this document: a reload would lose the mark.
      await page.evaluate(() => ((globalThis as { e2eMark?: string }).e2eMark = 'same page'))
      const downloadsAtOpen = boardDownloads.length

      // Li has a card open in its editor, editable, when the admin demotes them.
      const [target] = await columnIds(page, 'construction-started')
      if (!target) throw new Error('no card in construction-started')
      await openCard(page, target)
      expect(await editor(page).locator(enabledControls).count()).toBeGreaterThan(0)
      // The server takes a while to say who Li is now: meanwhile the page claims no role.
      let answer = () => undefined as void
      const held = new Promise<void>((resolve) => (answer = resolve))
      await page.route('**/api/session', async (route) => {
        await held
        await route.continue()
      })
      await asAdmin((admin) => admin.grant(LI.name, 'software', 'viewer'))
      await expect.poll(() => role.innerText(), fewSeconds).toBe('Checking access…')
      expect(await countEditingControls(page)).toBe(0)
      answer()
      await page.unrouteAll({ behavior: 'wait' })

      // Within a few seconds: a viewer's page, the open card read-only, and live again.
      await expect.poll(() => role.innerText(), fewSeconds).toBe('Viewer')
      await expect.poll(() => countEditingControls(page), fewSeconds).toBe(0)
      expect(await editor(page).locator(enabledControls).count()).toBe(0)
      expect(await editor(page).locator('[data-testid="archive-card"]').count()).toBe(0)
      await closeEditor(page)
      await waitForStatus(page, 'synced')

      // A keyboard move, the one editing path left on a tile, changes nothing.
      const placement = async () =>
        (await fetchSnapshot(app.server.url, 'software', wang.cookie)).cards.find(
          (card) => card.id === target,
        )?.placement
      const before = await placement()
      await cardTile(page, target).focus()
      await page.keyboard.press('Alt+ArrowRight')
      await page.waitForTimeout(500)
      expect(await columnIds(page, 'construction-started')).toContain(target)
      expect(await placement()).toEqual(before)

      // The board is still live for Li: Wang's new card appears.
      const fromWang = 'E2E 王工新卡片 card by Wang'
      await createCard(wang.page, 'engaging', fromWang)
      await closeEditor(wang.page)
      await cardIdByTitle(page, 'engaging', fromWang)

      // Promoted back: the editing controls return and a card made through them is stored.
      await asAdmin((admin) => admin.grant(LI.name, 'software', 'editor'))
      await expect.poll(() => role.innerText(), fewSeconds).toBe('Editor')
      await expect
        .poll(() => page.locator('[data-testid="add-card"]').count(), fewSeconds)
        .toBeGreaterThan(0)
      const fromLi = 'E2E 李明恢复编辑 card by Li'
      const created = await createCard(page, 'engaging', fromLi)
      await closeEditor(page)
      await expect
        .poll(
          async () =>
            (await fetchSnapshot(app.server.url, 'software', wang.cookie)).cards.find(
              (card) => card.id === created,
            )?.title,
          poll,
        )
        .toBe(fromLi)
      await cardIdByTitle(wang.page, 'engaging', fromLi)

      // Neither role change reloaded the page or downloaded the board again.
      expect(await page.evaluate(() => (globalThis as { e2eMark?: string }).e2eMark)).toBe(
        'same page',
      )
      expect(boardDownloads.length).toBe(downloadsAtOpen)

      // Revoked: the same "no access" a person without a grant gets, and no more reconnecting.
      await asAdmin((admin) => admin.revoke(LI.name, 'software'))
      const noAccess = page.locator('p.page-message[role="alert"]')
      await noAccess.waitFor({ timeout: fewSeconds.timeout })
      expect(await noAccess.innerText()).toBe('You may not view this board')
      expect(await page.locator('.board-page').count()).toBe(0)
      const socketsAtRevoke = sockets
      await page.waitForTimeout(LIVENESS.backoff.maxMs * 4)
      expect(sockets).toBe(socketsAtRevoke)
      expect(await page.evaluate(() => (globalThis as { e2eMark?: string }).e2eMark)).toBe(
        'same page',
      )

      expect(li.errors).toEqual([])
      expect(wang.errors).toEqual([])
    } finally {
      await closeAll(li, wang)
    }
  })
  it('a page that was offline while its person was made a viewer learns it once back online, and drops what it changed meanwhile', async () => {
    const [li, wang] = await signInLiAndWang()
    const { page } = li
    const role = page.locator('[data-testid="my-role"]')
    const notice = page.locator('[data-testid="copy-discarded"]')
    try {
      await asAdmin((admin) => admin.grant(LI.name, 'software', 'editor'))
      await page.goto('/board/software')
      await waitForStatus(page, 'synced')
      expect(await role.innerText()).toBe('Editor')
      // A second tab of Li's on the same board, which made no change: it must keep working.
      const otherTab = await li.context.newPage()
      const otherTabErrors: string[] = []
      otherTab.on('pageerror', (error) => otherTabErrors.push(error.message))
      otherTab.on('console', (m) => m.type() === 'error' && otherTabErrors.push(m.text()))
      await otherTab.goto('/board/software')
      await waitForStatus(otherTab, 'synced')

      // Away (a laptop asleep): no socket for the server to close when the admin demotes Li.
      // Li goes on working offline, kept on this device as usual.
      const offlineCard = 'E2E 离线新卡片 made offline'
      await makeCardOffline(li, page, offlineCard)
      await asAdmin((admin) => admin.grant(LI.name, 'software', 'viewer'))
      expect(await role.innerText()).toBe('Editor')

      // Back: the page names the role it believes it has, is told it changed, and asks again.
      await li.context.setOffline(false)
      await expect.poll(() => role.innerText(), fewSeconds).toBe('Viewer')
      await expect.poll(() => countEditingControls(page), fewSeconds).toBe(0)
      // The server refuses the card Li made offline: the page drops it, says why, and shows
      // the board as stored, live.
      await notice.waitFor({ timeout: fewSeconds.timeout })
      expect(await notice.innerText()).toContain(
        'changes on this device that the server had not saved were discarded',
      )
      // What the page showed is not lost without a trace: it can be saved as a JSON snapshot.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="download-discarded"]').click(),
      ])
      expect(download.suggestedFilename()).toBe('software-discarded.json')
      const setAside = JSON.parse(await fs.readFile(await download.path(), 'utf8')) as {
        format: string
        cards: { title: string }[]
      }
      expect(setAside.format).toBe('sector-board/snapshot')
      expect(setAside.cards.map((card) => card.title)).toContain(offlineCard)
      await waitForStatus(page, 'synced')
      expect(await titlesOn(page)).not.toContain(offlineCard)
      const stored = await fetchSnapshot(app.server.url, 'software', li.cookie)
      expect(stored.cards.map((card) => card.title)).not.toContain(offlineCard)
      expect(await page.locator('article[data-testid="card"]').count()).toBe(
        stored.cards.filter((card) => !card.archived).length,
      )

      // The other tab, a viewer now too, still stores what reaches it.
      await wang.page.goto('/board/software')
      await waitForStatus(wang.page, 'synced')
      await waitForStatus(otherTab, 'synced')
      const fromWang = 'E2E 王工 after the discard'
      await createCard(wang.page, 'engaging', fromWang)
      await cardIdByTitle(otherTab, 'engaging', fromWang)
      await otherTab.waitForTimeout(300)
      expect(otherTabErrors).toEqual([])

      // This browser's copy went too: a reload shows the stored board, without the notice.
      await page.reload()
      await waitForStatus(page, 'synced')
      expect(await titlesOn(page)).not.toContain(offlineCard)
      expect(await notice.count()).toBe(0)
      expect(li.errors).toEqual([])
    } finally {
      await closeAll(li, wang)
    }
  })

  it('a share link opened in the browser of an editor with unsynced offline work leaves that work to sync', async () => {
    const [li, wang] = await signInLiAndWang()
    const { token } = await accounts(app.server.access).createShareLink('software', {
      label: 'wall screen',
    })
    try {
      await asAdmin((admin) => admin.grant(LI.name, 'software', 'editor'))
      const { page } = li
      await page.goto('/board/software')
      await waitForStatus(page, 'synced')
      // Li works offline and closes the laptop's tab before it could sync: the card is only in
      // this browser's copy (a reload, still offline, shows it from there).
      const offlineCard = 'E2E 离线卡片 before the wall screen'
      await makeCardOffline(li, page, offlineCard)
      await page.reload()
      await cardIdByTitle(page, 'engaging', offlineCard)
      await page.close()
      await li.context.setOffline(false)

      // The same browser opens the board's share link (a wall screen): a viewer, whose page
      // shows the board as stored and has nothing to discard.
      const screen = await li.context.newPage()
      await screen.goto(`/board/software?token=${encodeURIComponent(token)}`)
      await waitForStatus(screen, 'synced')
      expect(await screen.locator('[data-testid="my-role"]').innerText()).toBe('Viewer')
      expect(await titlesOn(screen)).not.toContain(offlineCard)
      expect(await screen.locator('[data-testid="copy-discarded"]').count()).toBe(0)

      // Li opens the board again: the card made offline is still here, and reaches the board
      // and the wall screen.
      const back = await li.context.newPage()
      await back.goto('/board/software')
      await waitForStatus(back, 'synced')
      await cardIdByTitle(back, 'engaging', offlineCard)
      await cardIdByTitle(screen, 'engaging', offlineCard)
      const stored = await fetchSnapshot(app.server.url, 'software', li.cookie)
      expect(stored.cards.map((card) => card.title)).toContain(offlineCard)
    } finally {
      await closeAll(li, wang)
    }
  })
})
