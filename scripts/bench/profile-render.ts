// Diagnostic (not part of `npm run bench`): opens the 2,000-card board of scenario 7 once in a
// fresh headless Chromium profile with the CPU profiler on, and prints where the main thread's
// time went (self time by function and by script) plus the page's performance marks.
// Usage: npx tsx scripts/bench/profile-render.ts [cards] [--reload] [--out profile.cpuprofile]
import fs from 'node:fs'
import { launchBrowser } from '../../test/support/browser.js'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import { importBigBoard, liveCards } from './large-board.js'
import { startServer, tempDataDir } from './servers.js'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const args = process.argv.slice(2)
const cards = Number(args.find((a) => /^\d+$/.test(a)) ?? 2000)
const reload = args.includes('--reload')
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined
const profiling = !args.includes('--no-profile')
const dragging = args.includes('--drag')

// Unminified, so that the profile names functions.
const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sector-board-profile-'))
process.env.NODE_ENV = 'production'
await build({
  configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'),
  mode: 'production',
  logLevel: 'warn',
  build: { outDir: clientDir, emptyOutDir: true, minify: false },
})
const dataDir = tempDataDir()
const server = await startServer('ours', { dataDir, env: { CLIENT_DIR: clientDir } })
const base = `http://127.0.0.1:${server.port}`
const browser = await launchBrowser()
try {
  const live = liveCards(await importBigBoard(base, 'software', cards))
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1280, height: 720 },
  })
  await context.addInitScript({
    content: `(() => {
      window.__render = { first: NaN, all: NaN }
      const observer = new MutationObserver(() => {
        const n = document.querySelectorAll('article[data-testid="card"]').length
        if (n > 0 && Number.isNaN(window.__render.first)) window.__render.first = performance.now()
        if (n >= ${live} && Number.isNaN(window.__render.all)) {
          window.__render.all = performance.now(); observer.disconnect()
        }
      })
      observer.observe(document, { childList: true, subtree: true })
      // A drop's cost before its update leaves: pointerup to the next socket send.
      document.addEventListener('pointerup', () => { window.__up = performance.now(); window.__sent = NaN }, true)
      const send = WebSocket.prototype.send
      WebSocket.prototype.send = function (data) {
        if (window.__up !== undefined && Number.isNaN(window.__sent)) window.__sent = performance.now()
        return send.call(this, data)
      }
      // Marks the socket's life, to tell network waits from work.
      const Native = WebSocket
      window.WebSocket = class extends Native {
        constructor(...a) {
          super(...a)
          performance.mark('ws-new')
          this.addEventListener('open', () => performance.mark('ws-open'))
          let n = 0
          this.addEventListener('message', (e) => {
            n++
            if (n <= 3) performance.mark('ws-msg' + n + ':' + (e.data.byteLength ?? e.data.length))
            if (n <= 3) setTimeout(() => performance.mark('ws-msg-done' + n), 0)
          })
        }
      }
    })()`,
  })
  const page = await context.newPage()
  page.on('console', (m) => console.log('console:', m.text()))
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
  const wait = () =>
    page.waitForFunction('!Number.isNaN(window.__render.all)', undefined, { timeout: 60_000 })
  if (reload) {
    await page.goto('/board/software')
    await wait()
    await page.waitForTimeout(500)
  }
  const cdp = await context.newCDPSession(page)
  if (profiling) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  if (reload) await page.reload()
  else await page.goto('/board/software')
  await wait()
  const profile = profiling
    ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile
    : undefined
  if (profile && out) fs.writeFileSync(out, JSON.stringify(profile))
  console.log('render', await page.evaluate('JSON.stringify(window.__render)'))
  console.log(
    'marks',
    await page.evaluate(
      `JSON.stringify(performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)]).concat(performance.getEntriesByType('navigation').map(n => ['domContentLoaded', Math.round(n.domContentLoadedEventEnd)])).concat(performance.getEntriesByType('resource').map(r => [r.name.replace(/^.*\\//, ''), Math.round(r.startTime), Math.round(r.responseEnd)])))`,
    ),
  )
  if (profile) summarize(profile)
  if (dragging) {
    await page.waitForTimeout(1000)
    const column = (n: number) => page.locator('section[data-testid="column"]').nth(n)
    for (let i = 0; i < 3; i++) {
      const source = column(0).locator('article[data-testid="card"]').first()
      const target = column(1).locator('article[data-testid="card"]').first()
      const start = (await source.boundingBox())!
      const end = (await target.boundingBox())!
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
      await page.mouse.down()
      await page.mouse.move(start.x + start.width / 2 + 15, start.y + start.height / 2, {
        steps: 4,
      })
      await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 })
      await page.mouse.up()
      await page.waitForTimeout(500)
      console.log('drop: pointerup to send, ms', await page.evaluate('window.__sent - window.__up'))
    }
  }
} finally {
  await browser.close()
  await server.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(clientDir, { recursive: true, force: true })
}

function summarize(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  )
  const byFn = new Map<string, number>()
  const byScript = new Map<string, number>()
  for (const [id, us] of self) {
    const f = byId.get(id)?.callFrame
    if (!f) continue
    const script = f.url.replace(/^.*\//, '') || '(native)'
    const key = `${f.functionName || '(anon)'} ${script}:${f.lineNumber}:${f.columnNumber}`
    byFn.set(key, (byFn.get(key) ?? 0) + us)
    byScript.set(script, (byScript.get(script) ?? 0) + us)
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`)
  console.log('self time by script:\n' + top(byScript, 10).join('\n'))
  console.log('self time by function:\n' + top(byFn, 40).join('\n'))
}
