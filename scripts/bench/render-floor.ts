// Diagnostic (not part of `npm run bench`, whose scenario 7 reports the same floor): the first
// render of the 2,000-card board beside its floor on this machine, the page the app drew kept as
// static HTML (no script, the same stylesheet), each timed in fresh profiles.
// Usage: npx tsx scripts/bench/render-floor.ts [cards=2000] [pages=3]
import { launchBrowser } from '../../test/support/browser.js'
import { importBigBoard, liveCards } from './large-board.js'
import { median } from './measure.js'
import { buildOurServer, startServer } from './servers.js'
import { staticCopy, staticFloor, timeFreshPage, type FloorTimes } from './static-floor.js'

const [cards = 2000, pages = 3] = process.argv.slice(2).map(Number)

buildOurServer()
const server = await startServer('ours')
const base = `http://127.0.0.1:${server.port}`
const browser = await launchBrowser()
try {
  const live = liveCards(await importBigBoard(base, 'software', cards))

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  await page.goto(`${base}/board/software`)
  const html = await staticCopy(page, live)
  await context.close()

  const app: FloorTimes[] = []
  for (let i = 0; i < pages; i++)
    app.push(await timeFreshPage(browser, `${base}/board/software`, live))
  const floor = await staticFloor(browser, html, live, pages)
  const show = (name: string, times: FloorTimes) =>
    console.log(
      `${name}: all ${live} tiles in the DOM ${times.all.toFixed(0)} ms, ` +
        `two frames later ${times.painted.toFixed(0)} ms (medians of ${pages})`,
    )
  show('the app', {
    all: median(app.map((r) => r.all)),
    painted: median(app.map((r) => r.painted)),
  })
  show(`static HTML of the same page (${(html.length / 1024).toFixed(0)} KB)`, floor)
} finally {
  await browser.close()
  await server.stop()
}
