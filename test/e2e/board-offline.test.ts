// Offline editing in real Chromium: one person loses the network, keeps editing (kept in
// IndexedDB), the other edits meanwhile, and both boards converge once the first is back online.
import { expect, it } from 'vitest'
import { describeWithBrowser, type Client } from '../support/browser.js'
import {
  boardLayout,
  cardTile,
  closeAll,
  closeEditor,
  columnIds,
  createCard,
  openBoardAs,
  openCard,
  poll,
  setField,
  waitForStatus,
} from './board-helpers.js'

import { useServedApp } from './served-app.js'

describeWithBrowser('offline editing in Chromium', () => {
  const app = useServedApp()

  it('keeps edits made offline and converges with the other person once back online', async () => {
    let a: Client | undefined
    let b: Client | undefined
    try {
      ;[a, b] = await Promise.all([
        openBoardAs(app.browser, app.server.url, 'energy-materials', { name: 'Alice' }),
        openBoardAs(app.browser, app.server.url, 'energy-materials', { name: 'Bob' }),
      ])
      const shared = await createCard(a.page, 'signed', 'E2E shared card')
      await closeEditor(a.page)
      await expect.poll(() => columnIds(b!.page, 'signed'), poll).toEqual([shared])

      await a.context.setOffline(true)
      await waitForStatus(a.page, 'offline', 5_000)

      // A, offline: a new card with a field, and an edit of the shared card.
      const offlineCard = await createCard(a.page, 'completed', 'E2E made offline')
      await setField(a.page, 'company', 'Offline Co')
      await closeEditor(a.page)
      await openCard(a.page, shared)
      await setField(a.page, 'officer', '离线 Alice')
      await closeEditor(a.page)

      // B, online: a card of their own and another field of the shared card.
      const bobCard = await createCard(b.page, 'completed', 'E2E made by Bob')
      await closeEditor(b.page)
      await openCard(b.page, shared)
      await setField(b.page, 'company', 'Bob Co')
      await closeEditor(b.page)

      // Neither has seen the other's edits yet.
      expect(await a.page.locator('[data-testid="sync-status"]').getAttribute('data-status')).toBe(
        'offline',
      )
      expect(await columnIds(b.page, 'completed')).toEqual([bobCard])
      expect(await columnIds(a.page, 'completed')).toEqual([offlineCard])

      await a.context.setOffline(false)
      await waitForStatus(a.page, 'synced')

      const wanted = new Set([offlineCard, bobCard])
      for (const client of [a, b]) {
        await expect
          .poll(async () => new Set(await columnIds(client.page, 'completed')), poll)
          .toEqual(wanted)
        const tile = cardTile(client.page, shared)
        await expect
          .poll(() => tile.locator('.card-officer').textContent(), poll)
          .toBe('离线 Alice')
        await expect.poll(() => tile.locator('.card-company').textContent(), poll).toBe('Bob Co')
        expect(
          await cardTile(client.page, offlineCard).locator('.card-company').textContent(),
        ).toBe('Offline Co')
      }
      // The same cards, in the same order, in every column on both pages.
      const layoutA = await boardLayout(a.page)
      expect(layoutA.completed).toHaveLength(2)
      await expect.poll(() => boardLayout(b!.page), poll).toEqual(layoutA)

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    } finally {
      await closeAll(a, b)
    }
  })

  it('reloads a board while offline, with the edits made offline', async () => {
    let a: Client | undefined
    let b: Client | undefined
    try {
      a = await openBoardAs(app.browser, app.server.url, 'marine', { name: 'Alice' })
      // A first visit: the app registers its service worker on load and it takes control of the
      // page. From then on the board must reload without a network.
      await expect
        .poll(() => a!.page.evaluate<boolean>('navigator.serviceWorker.controller !== null'), poll)
        .toBe(true)
      const online = await createCard(a.page, 'signed', 'E2E before reload')
      await closeEditor(a.page)

      await a.context.setOffline(true)
      await waitForStatus(a.page, 'offline', 5_000)
      const offline = await createCard(a.page, 'completed', 'E2E offline, then reloaded')
      await setField(a.page, 'company', 'Reload Co')
      await closeEditor(a.page)
      await a.page.waitForTimeout(500) // let IndexedDB store the last update

      await a.page.reload()
      await waitForStatus(a.page, 'offline')
      await expect.poll(() => columnIds(a!.page, 'signed'), poll).toEqual([online])
      await expect.poll(() => columnIds(a!.page, 'completed'), poll).toContain(offline)
      expect(await cardTile(a.page, offline).locator('.card-company').textContent()).toBe(
        'Reload Co',
      )

      await a.context.setOffline(false)
      await waitForStatus(a.page, 'synced')
      b = await openBoardAs(app.browser, app.server.url, 'marine', { name: 'Bob' })
      await expect.poll(() => columnIds(b!.page, 'signed'), poll).toEqual([online])
      await expect.poll(() => columnIds(b!.page, 'completed'), poll).toContain(offline)
      await expect.poll(() => boardLayout(b!.page), poll).toEqual(await boardLayout(a.page))

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    } finally {
      await closeAll(a, b)
    }
  })
})
