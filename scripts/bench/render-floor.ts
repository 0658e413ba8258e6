// Diagnostic (not part of `npm run bench`): the floor under scenario 7's first render on this
// machine. It opens the 2,000-card board once, keeps the page Chromium drew as static HTML (no
// script, the same stylesheet), and times fresh profiles opening that HTML: what Chromium alone
// needs to parse, style and show the same board, which no client code can beat.
// Usage: npx tsx scripts/bench/render-floor.ts [cards=2000] [pages=3]
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Snapshot } from '../../shared/snapshot.js'
import { bigSnapshot } from '../../test/support/big-snapshot.js'
import { launchBrowser } from '../../test/support/browser.js'
import { median } from './measure.js'
import { buildOurServer, startServer } from './servers.js'

const [cards = 2000, pages = 3] = process.argv.slice(2).map(Number)

/** Times in a fresh page: all `live` tiles in the DOM (as the bench counts), and two frames later. */
const timing = (live: number) => `(() => {
  window.__floor = { all: NaN, painted: NaN }
  const seen = () => {
    if (!Number.isNaN(window.__floor.all)) return
    if (document.querySelectorAll('article[data-testid="card"]').length < ${live}) return
    window.__floor.all = performance.now()
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__floor.painted = performance.now())))
  }
  new MutationObserver(seen).observe(document, { childList: true, subtree: true })
  document.addEventListener('DOMContentLoaded', seen)
})()`

buildOurServer()
const server = await startServer('ours')
const base = `http://127.0.0.1:${server.port}`
const browser = await launchBrowser()
const staticServer = http.createServer()
try {
  const snapshot = (await (await fetch(`${base}/api/boards/software/snapshot`)).json()) as Snapshot
  const big = bigSnapshot(snapshot, cards)
  const imported = await fetch(`${base}/api/boards/software/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(big),
  })
  if (!imported.ok) throw new Error(`import failed: ${imported.status}`)
  // Archived cards get no tile.
  const live = big.cards.filter((c) => !c.archived).length

  const timed = async (url: string): Promise<{ all: number; painted: number }> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    await context.addInitScript({ content: timing(live) })
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction('!Number.isNaN(window.__floor.painted)', undefined, {
      timeout: 60_000,
    })
    const result = (await page.evaluate('window.__floor')) as { all: number; painted: number }
    await context.close()
    return result
  }

  // The board as the app drew it, without its scripts; stylesheets made absolute.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  await page.goto(`${base}/board/software`)
  await page.waitForFunction(
    `document.querySelectorAll('article[data-testid="card"]').length >= ${live}`,
    undefined,
    { timeout: 60_000 },
  )
  const html = (await page.evaluate(`(() => {
    document.querySelectorAll('script, link[rel="modulepreload"]').forEach((e) => e.remove())
    document.querySelectorAll('link[rel="stylesheet"]').forEach((l) => l.setAttribute('href', l.href))
    return '<!doctype html>' + document.documentElement.outerHTML
  })()`)) as string
  await context.close()
  staticServer.on('request', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve))
  const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/`

  const app: { all: number; painted: number }[] = []
  const floor: { all: number; painted: number }[] = []
  for (let i = 0; i < pages; i++) {
    app.push(await timed(`${base}/board/software`))
    floor.push(await timed(staticUrl))
  }
  const show = (name: string, runs: { all: number; painted: number }[]) =>
    console.log(
      `${name}: all ${cards} tiles in the DOM ${median(runs.map((r) => r.all)).toFixed(0)} ms, ` +
        `two frames later ${median(runs.map((r) => r.painted)).toFixed(0)} ms ` +
        `(medians of ${runs.length}; HTML ${(html.length / 1024).toFixed(0)} KB)`,
    )
  show('the app', app)
  show('static HTML of the same page', floor)
} finally {
  staticServer.close()
  await browser.close()
  await server.stop()
}
