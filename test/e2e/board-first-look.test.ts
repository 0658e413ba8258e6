// A board's first look in real Chromium: with no copy of its own, a page draws the board from the
// server's JSON view while the live board (the Yjs update) is still on its way, then takes the
// live board over, changes made meanwhile included, and edits it as usual.
import { expect, it } from 'vitest'
import { cardsOf } from '../../shared/doc.js'
import type { Snapshot } from '../../shared/snapshot.js'
import { editCard } from '../../shared/ops/cards.js'
import { describeWithBrowser, newClientContext, type Client } from '../support/browser.js'
import { joinBoard, type BoardClient } from '../support/clients.js'
import {
  cardTile,
  closeAll,
  closeEditor,
  createCard,
  poll,
  waitForStatus,
} from './board-helpers.js'
import { useServedApp } from './served-app.js'

const BOARD = 'marine'

describeWithBrowser("a board's first look in Chromium", () => {
  const app = useServedApp()

  it('draws the JSON view before the live board arrives, then shows and edits the live board', async () => {
    let page: Client | undefined
    let other: BoardClient | undefined
    try {
      const view = (await (
        await fetch(`${app.server.url}/api/boards/${BOARD}/view`)
      ).json()) as Snapshot
      const live = view.cards.filter((c) => !c.archived)
      const first = live[0]!

      page = await newClientContext(app.browser, app.server.url, { name: 'Alice' })
      // The live board is held back until the view is on screen and checked.
      let release = () => undefined as void
      const held = new Promise<void>((resolve) => (release = resolve))
      let stateAsked = false
      await page.context.route(`**/api/boards/${BOARD}/state`, async (route) => {
        stateAsked = true
        await held
        await route.continue()
      })
      await page.page.goto(`/board/${BOARD}`)
      const tiles = page.page.locator('article[data-testid="card"]')
      await expect.poll(() => tiles.count(), poll).toBe(live.length)
      expect(stateAsked).toBe(true)
      await expect
        .poll(() => cardTile(page!.page, first.id).locator('.card-title').textContent(), poll)
        .toBe(first.title)
      // Not live yet: the socket opens only once the board is in the page's document.
      expect(
        await page.page.locator('[data-testid="sync-status"]').getAttribute('data-status'),
      ).not.toBe('synced')

      // Someone changes a card while the page shows the view.
      other = await joinBoard(app.server.url, BOARD)
      editCard(other.doc, first.id, { title: '首看后改名' }, { actor: 'Bob' })
      await expect
        .poll(async () => {
          const now = (await (
            await fetch(`${app.server.url}/api/boards/${BOARD}/view`)
          ).json()) as Snapshot
          return now.cards.find((c) => c.id === first.id)?.title
        }, poll)
        .toBe('首看后改名')

      release()
      await waitForStatus(page.page, 'synced')
      await expect
        .poll(() => cardTile(page!.page, first.id).locator('.card-title').textContent(), poll)
        .toBe('首看后改名')
      expect(await tiles.count()).toBe(live.length)

      // And it edits the live board: the other client sees the new card.
      const added = await createCard(page.page, 'signed', 'E2E after the first look')
      await closeEditor(page.page)
      await expect.poll(() => cardsOf(other!.doc).has(added), poll).toBe(true)
      expect(page.errors).toEqual([])
    } finally {
      other?.close()
      await closeAll(page)
    }
  })
})
