// The floor under the first render: the page the app drew, kept as static HTML (no script, the
// same stylesheet) and opened in fresh profiles. What Chromium alone needs on this machine to
// parse and show the same board; no client code can beat it. Used by scenario 7 and by
// render-floor.ts.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { median } from './measure.js'

const CARD = 'article[data-testid="card"]'

/** The page as drawn, once it holds `live` tiles: scripts removed, stylesheets made absolute. */
export async function staticCopy(page: Page, live: number): Promise<string> {
  await page.waitForFunction(`document.querySelectorAll('${CARD}').length >= ${live}`, undefined, {
    timeout: 60_000,
  })
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  return (await page.evaluate(`(() => {
    const copy = document.documentElement.cloneNode(true)
    copy.querySelectorAll('script, link[rel="modulepreload"]').forEach((e) => e.remove())
    copy.querySelectorAll('link[rel="stylesheet"]').forEach((l) => l.setAttribute('href', l.href))
    return '<!doctype html>' + copy.outerHTML
  })()`)) as string
}

export interface FloorTimes {
  /** ms from navigation until every tile is in the DOM (as scenario 7 counts the app's). */
  readonly all: number
  /** ms until two animation frames after that: the page styled, laid out and painted. */
  readonly painted: number
}

/** Times in a fresh page: all `live` tiles in the DOM, and two frames later. */
export const floorTiming = (live: number): string => `(() => {
  window.__floor = { all: NaN, painted: NaN }
  const seen = () => {
    if (!Number.isNaN(window.__floor.all)) return
    if (document.querySelectorAll('${CARD}').length < ${live}) return
    window.__floor.all = performance.now()
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__floor.painted = performance.now())))
  }
  new MutationObserver(seen).observe(document, { childList: true, subtree: true })
  document.addEventListener('DOMContentLoaded', seen)
})()`

/** Opens `url` in a fresh profile with the floor timing installed. */
export async function timeFreshPage(
  browser: Browser,
  url: string,
  live: number,
): Promise<FloorTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  try {
    await context.addInitScript({ content: floorTiming(live) })
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction('!Number.isNaN(window.__floor.painted)', undefined, {
      timeout: 60_000,
    })
    return (await page.evaluate('window.__floor')) as FloorTimes
  } finally {
    await context.close()
  }
}

/** Serves `html` on 127.0.0.1 (a port of its own) while `use` runs, then stops. */
export async function servingHtml<T>(html: string, use: (url: string) => Promise<T>): Promise<T> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
}

/** Medians of `pages` fresh profiles opening the static copy `html`. */
export function staticFloor(
  browser: Browser,
  html: string,
  live: number,
  pages: number,
): Promise<FloorTimes> {
  return servingHtml(html, async (url) => {
    const runs: FloorTimes[] = []
    for (let i = 0; i < pages; i++) runs.push(await timeFreshPage(browser, url, live))
    return { all: median(runs.map((r) => r.all)), painted: median(runs.map((r) => r.painted)) }
  })
}
