// Two people on the same board in real Chromium against a real server: cards created, edited,
// moved (drag and keyboard), archived and restored by one show for the other; notes typed at the
// same time converge; undo undoes only one's own change; presence; both languages; export.
import fs from 'node:fs'
import { expect, it } from 'vitest'
import { SEED_STAGES } from '../../shared/seed/index.js'
import { SECTORS } from '../../shared/sectors.js'
import { SnapshotSchema } from '../../shared/snapshot.js'
import {
  describeWithBrowser,
  newClientContext,
  saveScreenshot,
  type Client,
} from '../support/browser.js'
import {
  cardIdByTitle,
  cardTile,
  closeAll,
  closeEditor,
  column,
  columnIds,
  createCard,
  drag,
  editor,
  field,
  openBoardAs,
  openCard,
  poll,
  setField,
  waitForStatus,
} from './board-helpers.js'

import { useServedApp } from './served-app.js'

describeWithBrowser('two people on one board in Chromium', () => {
  const app = useServedApp()

  /** Alice (A) and Bob (B) on the same board, both synced. */
  async function twoPeople(boardId: string): Promise<[Client, Client]> {
    return Promise.all([
      openBoardAs(app.browser, app.server.url, boardId, { name: 'Alice', color: '#d9480f' }),
      openBoardAs(app.browser, app.server.url, boardId, { name: 'Bob', color: '#2b8a3e' }),
    ])
  }

  it('shows a card created and edited by one person to the other; concurrent notes converge', async () => {
    const [a, b] = await twoPeople('manufacturing')
    try {
      const title = 'E2E 合作卡片 collab card'
      const id = await createCard(a.page, 'signed', title)
      await expect.poll(() => columnIds(b.page, 'signed'), poll).toContain(id)

      // An invalid investment is refused with a message and changes nothing.
      await setField(a.page, 'investment', 'abc')
      await expect.poll(() => editor(a.page).locator('[role="alert"]').count(), poll).toBe(1)

      await setField(a.page, 'company', '青岛海检集团 Qingdao QC Group')
      await setField(a.page, 'officer', '王芳')
      await setField(a.page, 'investment', '12.5')
      await field(a.page, 'risk').selectOption('at-risk')
      await setField(a.page, 'tags', 'e2e, 海洋, pilot')
      await field(a.page, 'notes').pressSequentially('middle', { delay: 10 })
      await expect.poll(() => editor(a.page).locator('[role="alert"]').count(), poll).toBe(0)

      // B sees the edits on the tile…
      const tile = cardTile(b.page, id)
      await expect
        .poll(() => tile.locator('.card-company').textContent(), poll)
        .toBe('青岛海检集团 Qingdao QC Group')
      await expect.poll(() => tile.locator('.card-officer').textContent(), poll).toBe('王芳')
      await expect
        .poll(() => tile.locator('[data-testid="card-investment"]').textContent(), poll)
        .toMatch(/^12\.5 /)
      await expect
        .poll(() => tile.locator('[data-testid="card-risk"]').getAttribute('class'), poll)
        .toContain('risk-at-risk')
      expect(await tile.locator('.card-title').textContent()).toBe(title)

      // …and every field in the editor.
      await openCard(b.page, id)
      expect(await field(b.page, 'title').inputValue()).toBe(title)
      expect(await field(b.page, 'company').inputValue()).toBe('青岛海检集团 Qingdao QC Group')
      expect(await field(b.page, 'officer').inputValue()).toBe('王芳')
      expect(await field(b.page, 'investment').inputValue()).toBe('12.5')
      expect(await field(b.page, 'risk').inputValue()).toBe('at-risk')
      expect(await field(b.page, 'tags').inputValue()).toBe('e2e, 海洋, pilot')
      await expect.poll(() => field(b.page, 'notes').inputValue(), poll).toBe('middle')

      // Both type in the notes at once: A at the start, B at the end.
      const notesA = field(a.page, 'notes')
      const notesB = field(b.page, 'notes')
      await notesA.focus()
      await a.page.keyboard.press('Control+Home')
      await notesB.focus()
      await b.page.keyboard.press('Control+End')
      await Promise.all([
        notesA.pressSequentially('AAA', { delay: 60 }),
        notesB.pressSequentially('BBB', { delay: 60 }),
      ])
      // Both pages converge on the same text, with each person's typing kept where they typed it.
      await expect
        .poll(async () => [await notesA.inputValue(), await notesB.inputValue()], poll)
        .toSatisfy(([textA, textB]) => textA === textB && textA?.length === 12)
      expect(await notesA.inputValue()).toBe('AAAmiddleBBB')
      expect(await notesB.inputValue()).toBe('AAAmiddleBBB')
      await closeEditor(a.page)
      await closeEditor(b.page)

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    } finally {
      await closeAll(a, b)
    }
  })

  it('shows cards moved by drag and by keyboard in their new place for the other person', async () => {
    const [a, b] = await twoPeople('biomedicine')
    try {
      // Drag: D1 onto the empty "completed" column lands there; D2 onto D1 lands at D1's place.
      const d1 = await createCard(a.page, 'signed', 'E2E drag one')
      await closeEditor(a.page)
      const d2 = await createCard(a.page, 'signed', 'E2E drag two')
      await closeEditor(a.page)
      await expect.poll(() => columnIds(b.page, 'signed'), poll).toEqual([d1, d2])

      await drag(a.page, cardTile(a.page, d1), column(a.page, 'completed'))
      await expect.poll(() => columnIds(a.page, 'completed'), poll).toEqual([d1])
      await expect.poll(() => columnIds(b.page, 'completed'), poll).toEqual([d1])
      await expect.poll(() => columnIds(b.page, 'signed'), poll).toEqual([d2])
      await expect
        .poll(
          () => column(b.page, 'completed').locator('[data-testid="stage-count"]').innerText(),
          poll,
        )
        .toBe('1')

      await drag(a.page, cardTile(a.page, d2), cardTile(a.page, d1))
      await expect.poll(() => columnIds(a.page, 'completed'), poll).toEqual([d2, d1])
      await expect.poll(() => columnIds(b.page, 'completed'), poll).toEqual([d2, d1])
      await expect.poll(() => columnIds(b.page, 'signed'), poll).toEqual([])

      // Keyboard: K (alone in "signed") goes right to the top of "construction-started", then down.
      const seeded = await columnIds(a.page, 'construction-started')
      expect(seeded.length).toBeGreaterThanOrEqual(2)
      const k = await createCard(a.page, 'signed', 'E2E keyboard')
      await closeEditor(a.page)
      const tile = cardTile(a.page, k)
      await tile.focus()
      await a.page.keyboard.press('Alt+ArrowRight')
      const afterRight = [k, ...seeded]
      await expect.poll(() => columnIds(a.page, 'construction-started'), poll).toEqual(afterRight)
      await expect.poll(() => columnIds(b.page, 'construction-started'), poll).toEqual(afterRight)
      await expect.poll(() => columnIds(b.page, 'signed'), poll).toEqual([])

      // Focus stays on the moved card, so the next shortcut moves it again.
      await expect
        .poll(
          () =>
            a.page
              .locator(':focus')
              .evaluateAll((focused) => focused.map((el) => el.getAttribute('data-card-id'))),
          poll,
        )
        .toEqual([k])
      await a.page.keyboard.press('Alt+ArrowDown')
      const afterDown = [seeded[0], k, ...seeded.slice(1)]
      await expect.poll(() => columnIds(a.page, 'construction-started'), poll).toEqual(afterDown)
      await expect.poll(() => columnIds(b.page, 'construction-started'), poll).toEqual(afterDown)

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    } finally {
      await closeAll(a, b)
    }
  })

  it('hides a card archived by one person and brings it back when the other restores it', async () => {
    const [a, b] = await twoPeople('marine')
    try {
      const id = await createCard(a.page, 'signed', 'E2E archive me')
      await closeEditor(a.page)
      await expect.poll(() => columnIds(b.page, 'signed'), poll).toEqual([id])

      await openCard(a.page, id)
      await editor(a.page).locator('[data-testid="archive-card"]').click()
      await editor(a.page).waitFor({ state: 'detached' })
      await expect.poll(() => columnIds(a.page, 'signed'), poll).toEqual([])
      await expect.poll(() => columnIds(b.page, 'signed'), poll).toEqual([])

      await b.page.locator('[data-testid="toggle-archive"]').click()
      const archived = b.page.locator(
        `[data-testid="archive-panel"] li[data-testid="archived-card"][data-card-id="${id}"]`,
      )
      await archived.waitFor()
      expect(await archived.innerText()).toContain('E2E archive me')
      await archived.locator('[data-testid="restore-card"]').click()
      await archived.waitFor({ state: 'detached' })

      await expect.poll(() => columnIds(a.page, 'signed'), poll).toEqual([id])
      await expect.poll(() => columnIds(b.page, 'signed'), poll).toEqual([id])

      // Filtering is local: A's filter hides other cards only on A's page.
      const before = await columnIds(b.page, 'under-construction')
      expect(before.length).toBeGreaterThan(0)
      await a.page.locator('[data-testid="filter-text"]').fill('E2E archive')
      await expect.poll(() => columnIds(a.page, 'under-construction'), poll).toEqual([])
      await expect.poll(() => columnIds(a.page, 'signed'), poll).toEqual([id])
      expect(await columnIds(b.page, 'under-construction')).toEqual(before)

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    } finally {
      await closeAll(a, b)
    }
  })

  it('switches the stage names from Chinese to English', async () => {
    const client = await newClientContext(app.browser, app.server.url)
    try {
      const { page } = client
      await page.goto('/board/software')
      await waitForStatus(page, 'synced')
      const stageNames = () => page.locator('[data-testid="stage-name"]').allInnerTexts()
      const sector = SECTORS.find((s) => s.id === 'software')
      if (!sector) throw new Error('no software sector')

      await expect.poll(stageNames, poll).toEqual(SEED_STAGES.map((s) => s.name.zh))
      expect(await page.locator('[data-testid="board-title"]').innerText()).toBe(sector.name.zh)
      await expect.poll(() => columnIds(page, 'construction-started'), poll).not.toEqual([])
      await saveScreenshot(page, 'board-zh.png')

      await page.locator('[data-testid="language-switch"]').click()
      await expect.poll(stageNames, poll).toEqual(SEED_STAGES.map((s) => s.name.en))
      expect(await page.locator('[data-testid="board-title"]').innerText()).toBe(sector.name.en)
      await saveScreenshot(page, 'board-en.png')

      expect(client.errors).toEqual([])
    } finally {
      await closeAll(client)
    }
  })

  it("undoes only one's own change", async () => {
    const [a, b] = await twoPeople('energy-materials')
    try {
      const x = await createCard(a.page, 'signed', 'E2E undo X')
      await closeEditor(a.page)
      const y = await createCard(b.page, 'completed', 'E2E undo Y')
      await closeEditor(b.page)
      await expect.poll(() => columnIds(a.page, 'completed'), poll).toEqual([y])
      await expect.poll(() => columnIds(b.page, 'signed'), poll).toEqual([x])

      // A renames X (one burst of typing: one undo step).
      await openCard(a.page, x)
      await field(a.page, 'title').press('End')
      await field(a.page, 'title').pressSequentially(' renamed', { delay: 10 })
      await closeEditor(a.page)
      const titleOf = (client: Client, id: string) =>
        cardTile(client.page, id).locator('.card-title').textContent({ timeout: 5_000 })
      await expect.poll(() => titleOf(b, x), poll).toBe('E2E undo X renamed')

      // B then edits Y.
      await openCard(b.page, y)
      await setField(b.page, 'company', 'Bob Co')
      await closeEditor(b.page)
      await expect
        .poll(() => cardTile(a.page, y).locator('.card-company').textContent(), poll)
        .toBe('Bob Co')

      await a.page.locator('[data-testid="undo"]').click()
      await expect.poll(() => titleOf(a, x), poll).toBe('E2E undo X')
      await expect.poll(() => titleOf(b, x), poll).toBe('E2E undo X')
      expect(await cardTile(a.page, y).locator('.card-company').textContent()).toBe('Bob Co')
      expect(await cardTile(b.page, y).locator('.card-company').textContent()).toBe('Bob Co')
      expect(await columnIds(a.page, 'signed')).toEqual([x])

      // Redo with the keyboard (focus outside text fields) brings A's rename back.
      await a.page.locator('[data-testid="board-title"]').click()
      await a.page.keyboard.press('Control+Shift+Z')
      await expect.poll(() => titleOf(a, x), poll).toBe('E2E undo X renamed')
      await expect.poll(() => titleOf(b, x), poll).toBe('E2E undo X renamed')
      expect(await cardTile(b.page, y).locator('.card-company').textContent()).toBe('Bob Co')

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    } finally {
      await closeAll(a, b)
    }
  })

  it('shows who is on the board and which card they are editing', async () => {
    const [a, b] = await twoPeople('tech-services')
    try {
      const chipOfAlice = b.page.locator('[data-testid="presence-chip"]', { hasText: 'Alice' })
      await chipOfAlice.waitFor()
      await a.page.locator('[data-testid="presence-chip"]', { hasText: 'Bob' }).waitFor()

      const title = 'E2E presence card'
      const id = await createCard(a.page, 'completed', title)
      await closeEditor(a.page)
      await cardIdByTitle(b.page, 'completed', title)
      expect(await chipOfAlice.innerText()).not.toContain(title)

      await openCard(a.page, id)
      await expect.poll(() => chipOfAlice.innerText(), poll).toContain(title)
      const dot = cardTile(b.page, id).locator('.editor-dot')
      await expect.poll(() => dot.allInnerTexts(), poll).toEqual(['A'])

      await closeEditor(a.page)
      await expect.poll(() => dot.count(), poll).toBe(0)
      await expect.poll(() => chipOfAlice.innerText(), poll).not.toContain(title)

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    } finally {
      await closeAll(a, b)
    }
  })

  it('exports a snapshot that holds the card created in the test', async () => {
    const [a, b] = await twoPeople('manufacturing')
    try {
      const id = await createCard(a.page, 'completed', 'E2E snapshot card')
      await setField(a.page, 'company', 'Snapshot Co')
      await setField(a.page, 'officer', '李明')
      await setField(a.page, 'investment', '3.75')
      await field(a.page, 'risk').selectOption('blocked')
      await setField(a.page, 'tags', 'export, 快照')
      await closeEditor(a.page)
      // Once B sees the last edit, the server has stored all of them.
      await expect
        .poll(
          () => cardTile(b.page, id).locator('[data-testid="card-risk"]').getAttribute('class'),
          poll,
        )
        .toContain('risk-blocked')

      const [download] = await Promise.all([
        a.page.waitForEvent('download'),
        a.page.locator('a[data-testid="export"]').click(),
      ])
      expect(download.suggestedFilename()).toMatch(/^manufacturing.*\.json$/)
      const file = await download.path()
      const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
      expect(snapshot).toMatchObject({ format: 'sector-board/snapshot', version: 1 })
      expect(SnapshotSchema.safeParse(snapshot).success).toBe(true)
      const cards = snapshot.cards as { id: string }[]
      expect(cards.find((card) => card.id === id)).toMatchObject({
        title: 'E2E snapshot card',
        company: 'Snapshot Co',
        officer: '李明',
        investment: '3.75',
        risk: 'blocked',
        tags: ['export', '快照'],
        placement: { stage: 'completed' },
        archived: false,
        createdBy: 'Alice',
      })

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    } finally {
      await closeAll(a, b)
    }
  })
})
