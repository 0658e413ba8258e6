// Scenario 7 (our server only; the references have no UI): the client bundle's gzip size, the
// first render of a 2,000-card board in headless Chromium (Debian's, never downloaded), and the
// time for a drag in one browser to show in a second one.
//
// First render: an init script installs a MutationObserver before the page's own scripts run and
// records performance.now() (ms since navigation start) when the first card tile is in the DOM,
// when all the board's live cards are, and when the page is live (its badge reads synced): a page
// with no copy of its own draws the server's JSON view first, and turns live after that paint.
// Floor: the last of those pages, kept as static HTML (no script, the same stylesheet) and opened
// in three fresh profiles (static-floor.ts): what Chromium alone needs on this machine.
// Drag, once both pages are live: Date.now() just before the mouse is released in browser A,
// against Date.now() when an observer in browser B sees the card in its new column.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { buildClientOnce } from '../../../test/support/client-build.js'
import { launchBrowser } from '../../../test/support/browser.js'
import { importBigBoard, liveCards } from '../large-board.js'
import { median } from '../measure.js'
import type { Scenario } from '../scenario.js'
import { startServer, tempDataDir } from '../servers.js'
import { staticCopy, staticFloor } from '../static-floor.js'

const BOARD = 'software'
const CARD = 'article[data-testid="card"]'
/** The sync badge once the page's live document is synced with the server: editing is live. */
const LIVE = '[data-testid="sync-status"][data-status="synced"]'

export const browser: Scenario = {
  id: 7,
  title: 'Browser: bundle, first render of 2,000 cards, drag seen by a second browser (ours only)',
  servers: ['ours'],
  ownsServer: true,
  metrics: [
    { key: 'bundleJsGzipKB', label: 'client JS gzip KB' },
    { key: 'bundleCssGzipKB', label: 'client CSS gzip KB' },
    { key: 'bundleGzipKB', label: 'client JS+CSS gzip KB' },
    { key: 'firstCardMs', label: 'first card in DOM, ms from navigation' },
    { key: 'allCardsMs', label: 'all cards in DOM, ms from navigation' },
    { key: 'changedAllCardsMs', label: 'the same, first page after a change (view not cached)' },
    { key: 'liveMs', label: 'board live (synced, editable), ms from navigation' },
    { key: 'reloadAllCardsMs', label: 'reload (IndexedDB cache): all cards, ms' },
    { key: 'floorAllCardsMs', label: 'floor: the page as static HTML, all cards, ms' },
    { key: 'dragSeenMs', label: 'drag in A seen in B, ms' },
  ],
  async run(_server, _kind, ctx) {
    const cards = ctx.quick ? 500 : 2000
    const clientDir = await buildClientOnce()
    const bundle = bundleSizes(clientDir)
    const dataDir = tempDataDir()
    const server = await startServer('ours', { dataDir, env: { CLIENT_DIR: clientDir } })
    let chromiumBrowser: Browser | undefined
    try {
      const base = `http://127.0.0.1:${server.port}`
      const big = await importBigBoard(base, BOARD, cards)
      const live = liveCards(big)
      chromiumBrowser = await launchBrowser()
      const renders = []
      const lives = []
      let firstCard = Number.NaN
      let reload = Number.NaN
      let drawn = ''
      for (let i = 0; i < 3; i++) {
        const page = await openPage(chromiumBrowser, base, live)
        const t = await renderTimes(page)
        renders.push(t.all)
        lives.push(t.live)
        firstCard = t.first
        if (i === 0) {
          await page.reload()
          reload = (await renderTimes(page)).all
        }
        if (i === 2) drawn = await staticCopy(page, live)
        await page.context().close()
      }
      const floor = await staticFloor(chromiumBrowser, drawn, live, 3)
      const dragSeenMs = await dragLatency(
        chromiumBrowser,
        base,
        live,
        big.board.stages.map((s) => s.id),
      )
      return {
        values: {
          ...bundle,
          firstCardMs: firstCard,
          allCardsMs: median(renders),
          // The first page opens the board right after its import: the server makes the view
          // and the state for it, as for anyone who opens a board changed since it was last seen.
          changedAllCardsMs: renders[0] ?? Number.NaN,
          liveMs: median(lives),
          reloadAllCardsMs: reload,
          floorAllCardsMs: floor.all,
          dragSeenMs,
          cards: live,
        },
      }
    } finally {
      await chromiumBrowser?.close()
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  },
}

function bundleSizes(dir: string) {
  let js = 0
  let css = 0
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (/\.(js|css)$/.test(entry.name)) {
        const gz = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
        if (entry.name.endsWith('.js')) js += gz
        else css += gz
      }
    }
  }
  walk(dir)
  return { bundleJsGzipKB: js / 1024, bundleCssGzipKB: css / 1024, bundleGzipKB: (js + css) / 1024 }
}

/** A fresh profile (empty IndexedDB) with the render observer installed, on the board page. */
async function openPage(browser: Browser, base: string, live: number): Promise<Page> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1280, height: 720 },
  })
  await context.addInitScript({
    content: `(() => {
      const want = ${live}
      window.__render = { first: NaN, all: NaN, live: NaN }
      const r = window.__render
      const cards = new MutationObserver(() => {
        const n = document.querySelectorAll('${CARD}').length
        if (n > 0 && Number.isNaN(r.first)) r.first = performance.now()
        if (n >= want && Number.isNaN(r.all)) {
          r.all = performance.now()
          cards.disconnect()
        }
      })
      cards.observe(document, { childList: true, subtree: true })
      // The badge's status attribute only: watching every attribute would slow the page down.
      const live = new MutationObserver(() => {
        if (!document.querySelector('${LIVE}')) return
        r.live = performance.now()
        live.disconnect()
      })
      live.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-status'],
      })
    })()`,
  })
  const page = await context.newPage()
  await page.goto(`/board/${BOARD}`)
  return page
}

interface RenderTimes {
  readonly first: number
  readonly all: number
  readonly live: number
}

/** Once the page has drawn every card and is live. */
async function renderTimes(page: Page): Promise<RenderTimes> {
  // Strings, not functions: the page is not type-checked against Node's globals.
  await page.waitForFunction(
    '!Number.isNaN(window.__render.all) && !Number.isNaN(window.__render.live)',
    undefined,
    { timeout: 60_000 },
  )
  return page.evaluate('window.__render') as Promise<RenderTimes>
}

async function dragLatency(
  browser: Browser,
  base: string,
  live: number,
  stages: string[],
): Promise<number> {
  const a = await openPage(browser, base, live)
  const b = await openPage(browser, base, live)
  await Promise.all([renderTimes(a), renderTimes(b)])
  const [fromStage, toStage] = stages as [string, string]
  const column = (stage: string) => `section[data-testid="column"][data-stage="${stage}"]`
  const source = a.locator(`${column(fromStage)} ${CARD}`).first()
  const id = (await source.getAttribute('data-card-id')) as string
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  const selector = JSON.stringify(`${column(toStage)} ${CARD}[data-card-id="${id}"]`)
  const seen = b.evaluate(`new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(${selector})) {
        observer.disconnect()
        resolve(Date.now())
      }
    })
    observer.observe(document, { childList: true, subtree: true, attributes: true })
  })`) as Promise<number>
  seen.catch(() => undefined)
  const target = a.locator(`${column(toStage)} ${CARD}`).first()
  const start = await source.boundingBox()
  const end = await target.boundingBox()
  if (!start || !end) throw new Error('drag source or target not visible')
  await a.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
  await a.mouse.down()
  await a.mouse.move(start.x + start.width / 2 + 15, start.y + start.height / 2, { steps: 4 })
  await a.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 })
  const released = Date.now()
  await a.mouse.up()
  const seenAt = await Promise.race([
    seen,
    new Promise<number>((_, reject) =>
      setTimeout(() => reject(new Error('drag not seen in B in 10 s')), 10_000),
    ),
  ])
  await Promise.all([a.context().close(), b.context().close()])
  return seenAt - released
}
