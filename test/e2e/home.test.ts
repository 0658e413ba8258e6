// The built client in real Chromium against a real server: the six boards in Chinese by default,
// the language switch to English, and that choice kept across a reload.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { SECTORS } from '../../shared/sectors.js'
import { describeWithBrowser, newClientContext, saveScreenshot } from '../support/browser.js'

const poll = { timeout: 10_000, interval: 100 }

/** Board id → the name shown in its list item, for every listed board. */
function shownNames(page: Page): Promise<Record<string, string>> {
  return page
    .locator('li[data-board]')
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((item) => [
          item.getAttribute('data-board'),
          item.querySelector('.board-name')?.textContent?.trim(),
        ]),
      ),
    )
}

const namesIn = (locale: 'zh' | 'en') =>
  Object.fromEntries(SECTORS.map((sector) => [sector.id, sector.name[locale]]))

import { useServedApp } from './served-app.js'

describeWithBrowser('home page in Chromium', () => {
  const app = useServedApp()

  it('lists the six boards in Chinese, switches to English and remembers it', async () => {
    const { context, page, errors } = await newClientContext(app.browser, app.server.url)
    try {
      await page.goto('/')
      await expect.poll(() => shownNames(page), poll).toEqual(namesIn('zh'))
      expect(await page.locator('li[data-board="biomedicine"] .board-name').innerText()).toBe(
        '蓝色生物医药产业',
      )
      await saveScreenshot(page, 'home-zh')

      await page.locator('[data-testid="language-switch"]').click()
      await expect.poll(() => shownNames(page), poll).toEqual(namesIn('en'))
      expect(await page.locator('li[data-board="biomedicine"] .board-name').innerText()).toBe(
        'Blue biomedicine',
      )
      await saveScreenshot(page, 'home-en')

      await page.reload()
      await expect.poll(() => shownNames(page), poll).toEqual(namesIn('en'))
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
