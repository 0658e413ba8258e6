// One Chromium and one server (serving the built client, with its own data folder) for an e2e
// test file: started before the file's tests and stopped after them.
import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { RunningServer } from '../../server/server.js'
import { launchBrowser } from '../support/browser.js'
import { buildClientOnce } from '../support/client-build.js'
import { startTestServer, tempDataDir } from '../support/server.js'

export interface ServedApp {
  readonly browser: Browser
  readonly server: RunningServer
}

/** `prepare` runs once the server is up, before any test (e.g. to add users). */
export function useServedApp(prepare?: (server: RunningServer) => Promise<void>): ServedApp {
  const served = {} as { browser: Browser; server: RunningServer }
  let dataDir: string | undefined
  beforeAll(async () => {
    const [clientDir, browser] = await Promise.all([buildClientOnce(), launchBrowser()])
    served.browser = browser
    dataDir = tempDataDir()
    served.server = await startTestServer(dataDir, { CLIENT_DIR: clientDir })
    await prepare?.(served.server)
  })
  afterAll(async () => {
    await served.browser?.close()
    await served.server?.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })
  return served
}
