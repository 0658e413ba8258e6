// Real Chromium for end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core (no
// browser download). Without it, e2e suites skip locally but fail under CI=true.
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { describe } from 'vitest'

export const CHROMIUM_PATH = '/usr/bin/chromium'

const MISSING = 'Debian chromium not installed: apt-get install -y chromium'

const repoRoot = path.resolve(import.meta.dirname, '../..')
export const artifactsDir = path.join(repoRoot, 'test-artifacts')

/** localStorage keys the client reads on start (client/src/i18n/locale.ts, board/identity.ts). */
export const storageKeys = { locale: 'locale', identity: 'sector-board:identity' } as const

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * A describe block that needs Chromium. Without /usr/bin/chromium it is skipped with a message,
 * except under CI=true, where that is an error: CI must never pass by skipping browsers.
 */
export function describeWithBrowser(name: string, fn: () => void): void {
  if (chromiumAvailable()) {
    describe(name, fn)
  } else if (process.env.CI === 'true') {
    throw new Error(`e2e: ${MISSING} (CI=true: browser tests must run, not skip)`)
  } else {
    console.warn(`e2e: skipped, ${MISSING}`)
    describe.skip(name, fn)
  }
}

export function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`e2e: ${MISSING}`)
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface ClientOptions {
  /** The app's language on first load (seeded into localStorage once; later choices stick). */
  readonly locale?: 'zh' | 'en'
  /** The person's display name on the boards (seeded into localStorage once). */
  readonly name?: string
  /** Their presence colour, with name; defaults to a blue from the app's palette. */
  readonly color?: string
}

export interface Client {
  readonly context: BrowserContext
  readonly page: Page
  /** Uncaught page errors and console errors, for tests to assert there were none. */
  readonly errors: string[]
}

/** A fresh browser profile (own storage) at 1280×720 with one page; relative URLs go to baseUrl. */
export async function newClientContext(
  browser: Browser,
  baseUrl: string,
  options: ClientOptions = {},
): Promise<Client> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 720 },
    locale: options.locale === 'en' ? 'en-US' : 'zh-CN',
  })
  const seed: Record<string, string> = {}
  if (options.locale) seed[storageKeys.locale] = options.locale
  if (options.name) {
    const identity = { name: options.name, color: options.color ?? '#1864ab' }
    seed[storageKeys.identity] = JSON.stringify(identity)
  }
  if (Object.keys(seed).length > 0) {
    // Runs before every document; only fills keys the app has not set, so reloads keep choices.
    await context.addInitScript({
      content: `for (const [key, value] of Object.entries(${JSON.stringify(seed)})) {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value)
      }`,
    })
  }
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  return { context, page, errors }
}

/** Writes a PNG of the page to test-artifacts/<name>(.png) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true })
  const file = path.join(artifactsDir, name.endsWith('.png') ? name : `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
