// Helpers for board-page e2e tests: open a board as a person, find columns and cards, create and
// edit cards through the UI, and read what a page shows.
import type { Browser, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { newClientContext, type Client, type ClientOptions } from '../support/browser.js'

export const poll = { timeout: 10_000, interval: 100 }

/** Opens /board/<boardId> in a fresh browser profile and waits until it is synced. */
export async function openBoardAs(
  browser: Browser,
  baseUrl: string,
  boardId: string,
  options: ClientOptions = {},
): Promise<Client> {
  const client = await newClientContext(browser, baseUrl, options)
  await client.page.goto(`/board/${boardId}`)
  await waitForStatus(client.page, 'synced')
  return client
}

export async function waitForStatus(
  page: Page,
  status: 'synced' | 'syncing' | 'connecting' | 'offline',
  timeout = 15_000,
): Promise<void> {
  await page
    .locator(`[data-testid="sync-status"][data-status="${status}"]`)
    .waitFor({ state: 'attached', timeout })
}

export const column = (page: Page, stage: string): Locator =>
  page.locator(`section[data-testid="column"][data-stage="${stage}"]`)

export const cardTile = (page: Page, id: string): Locator =>
  page.locator(`article[data-testid="card"][data-card-id="${id}"]`)

export const editor = (page: Page): Locator => page.locator('[data-testid="card-editor"]')

export const field = (page: Page, name: string): Locator =>
  editor(page).locator(`[data-testid="field-${name}"]`)

/** The card ids a column shows, in order. */
export function columnIds(page: Page, stage: string): Promise<string[]> {
  return column(page, stage)
    .locator('article[data-testid="card"]')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-card-id') ?? ''))
}

/** Stage id → the titles of the cards its column shows, in order, for every column. */
export function boardLayout(page: Page): Promise<Record<string, string[]>> {
  return page
    .locator('section[data-testid="column"]')
    .evaluateAll((columns) =>
      Object.fromEntries(
        columns.map((section) => [
          section.getAttribute('data-stage') ?? '',
          [...section.querySelectorAll('article[data-testid="card"] .card-title')].map(
            (title) => title.textContent?.trim() ?? '',
          ),
        ]),
      ),
    )
}

/** The id of the card with exactly this title in a column (polls until it shows). */
export async function cardIdByTitle(page: Page, stage: string, title: string): Promise<string> {
  const find = () =>
    column(page, stage)
      .locator('article[data-testid="card"]')
      .evaluateAll(
        (cards, wanted) =>
          cards
            .find((card) => card.querySelector('.card-title')?.textContent?.trim() === wanted)
            ?.getAttribute('data-card-id') ?? null,
        title,
      )
  await expect.poll(find, poll).not.toBeNull()
  const id = await find()
  if (!id) throw new Error(`no card titled ${title} in ${stage}`)
  return id
}

/** Creates a card at the end of a column through "add card"; its editor is open afterwards. */
export async function createCard(page: Page, stage: string, title: string): Promise<string> {
  const col = column(page, stage)
  await col.locator('[data-testid="add-card"]').click()
  const input = col.locator('[data-testid="new-card-title"]')
  await input.fill(title)
  await input.press('Enter')
  await editor(page).waitFor()
  return cardIdByTitle(page, stage, title)
}

/** Sets an input saved on `change`: fills it, then leaves it (Tab) so the change is committed. */
export async function setField(page: Page, name: string, value: string): Promise<void> {
  const input = field(page, name)
  await input.fill(value)
  await input.press('Tab')
}

export async function closeEditor(page: Page): Promise<void> {
  await editor(page).locator('[data-testid="close-card"]').click()
  await editor(page).waitFor({ state: 'detached' })
}

/** Opens a card's editor from its tile (focus, then Enter: no pointer, so no drag). */
export async function openCard(page: Page, id: string): Promise<void> {
  const tile = cardTile(page, id)
  await tile.focus()
  await tile.press('Enter')
  await editor(page).waitFor()
}

/** Pointer drag (solid-dnd's pointer sensor) from the centre of one element to another's. */
export async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded()
  const start = await from.boundingBox()
  if (!start) throw new Error('drag source is not visible')
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
  await page.mouse.down()
  // Leave the activation distance first, then travel to the target.
  await page.mouse.move(start.x + start.width / 2 + 15, start.y + start.height / 2, { steps: 4 })
  const end = await to.boundingBox()
  if (!end) throw new Error('drop target is not visible')
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 })
  await page.mouse.up()
}

export async function closeAll(...clients: (Client | undefined)[]): Promise<void> {
  await Promise.all(clients.map((client) => client?.context.close()))
}
