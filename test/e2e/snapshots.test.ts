// Named snapshots in real Chromium: save one, change the board, see the change list (and the
// changed cards highlighted), restore — live for a second person too.
import { expect, it } from 'vitest'
import { describeWithBrowser, type Client } from '../support/browser.js'
import {
  cardTile,
  closeAll,
  closeEditor,
  columnIds,
  createCard,
  openBoardAs,
  poll,
  setField,
} from './board-helpers.js'

import { useServedApp } from './served-app.js'

describeWithBrowser('named snapshots in Chromium', () => {
  const app = useServedApp()

  it('saves a snapshot, lists what changed since, and restores it for everyone', async () => {
    let a: Client | undefined
    let b: Client | undefined
    try {
      a = await openBoardAs(app.browser, app.server.url, 'energy-materials', { name: 'Alice' })
      b = await openBoardAs(app.browser, app.server.url, 'energy-materials', { name: 'Bob' })
      const page = a.page
      const signedBefore = await columnIds(page, 'signed')

      await page.click('[data-testid="toggle-snapshots"]')
      await page.fill('[data-testid="snapshot-name"]', '11月26日会前')
      await page.click('[data-testid="save-snapshot"]')
      await expect.poll(() => page.locator('[data-testid="snapshot"]').count(), poll).toBe(1)

      // The meeting: a new project is signed, and another one's officer changes.
      const added = await createCard(page, 'signed', '新签约 E2E 项目')
      await closeEditor(page)
      const existing = (await columnIds(page, 'under-construction'))[0] as string
      await cardTile(page, existing).click()
      await setField(page, 'officer', '张敏')
      await closeEditor(page)

      // The card's history, kept by the server, shows the officer change.
      await cardTile(page, existing).click()
      await page.click('[data-testid="card-history"] summary')
      await expect
        .poll(
          () => page.locator('[data-testid="history-entry"][data-field="officer"]').count(),
          poll,
        )
        .toBe(1)
      expect(
        await page.locator('[data-testid="history-entry"][data-field="officer"]').innerText(),
      ).toContain('张敏')
      await closeEditor(page)

      // The snapshot opens read-only in the board view, as the board was.
      await page.click('[data-testid="open-snapshot"]')
      await page.locator('[data-testid="snapshot-view"]').waitFor()
      await expect.poll(() => columnIds(page, 'signed'), poll).toEqual(signedBefore)
      expect(await page.locator('[data-testid="add-card"]').count()).toBe(0)
      await page.goBack()
      await page.locator('[data-testid="sync-status"][data-status="synced"]').waitFor()
      await page.click('[data-testid="toggle-snapshots"]')

      await page.click('[data-testid="compare-snapshot"]')
      const changes = page.locator('[data-testid="change"]')
      await expect.poll(() => changes.count(), poll).toBe(2)
      expect(
        await page
          .locator(`[data-testid="change"][data-kind="added"]`)
          .getAttribute('data-card-id'),
      ).toBe(added)
      expect(
        await page.locator(`[data-testid="change"][data-kind="changed"]`).innerText(),
      ).toContain('张敏')
      expect(await cardTile(page, added).getAttribute('class')).toContain('highlighted')
      expect(await cardTile(page, existing).getAttribute('class')).toContain('highlighted')

      page.once('dialog', (dialog) => void dialog.accept())
      await page.click('[data-testid="restore-snapshot"]')
      // Restored live, for the second person too, and what it replaced was kept as a snapshot.
      await expect.poll(() => columnIds(b!.page, 'signed'), poll).toEqual(signedBefore)
      await expect.poll(() => columnIds(page, 'signed'), poll).toEqual(signedBefore)
      await expect.poll(() => page.locator('[data-testid="snapshot"]').count(), poll).toBe(2)
      expect(await page.locator('[data-testid="snapshot"]').first().innerText()).toContain(
        '11月26日会前',
      )

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    } finally {
      await closeAll(a, b)
    }
  })
})
