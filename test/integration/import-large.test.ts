// A large import: a valid 48 MB file with 20,000 cards imports within the test timeout, and while
// the worker thread parses, validates and builds it, the server keeps answering for other boards.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { prepareImportOffThread } from '../../server/history/import.js'
import type { SnapshotInfo } from '../../server/storage/snapshot-store.js'
import { parseSnapshot } from '../../shared/snapshot.js'
import { testApp } from '../support/app.js'
import { bigSnapshot } from '../support/big-snapshot.js'

describe('a large import', () => {
  it(
    'imports 20,000 cards (48 MB) while other boards keep answering',
    { timeout: 300_000 },
    async () => {
      const workerPhase = monitorEventLoopDelay({ resolution: 10 })
      let workerStarted = (): void => undefined
      const started = new Promise<void>((resolve) => (workerStarted = resolve))
      let workerDoneAt = Number.POSITIVE_INFINITY
      const { app } = testApp({
        snapshotOptions: {
          prepareImport: async (input) => {
            workerStarted()
            workerPhase.enable()
            try {
              return await prepareImportOffThread(input)
            } finally {
              workerPhase.disable()
              workerDoneAt = performance.now()
            }
          },
        },
      })
      const base = parseSnapshot(await (await app.request('/api/boards/marine/snapshot')).json())
      const body = JSON.stringify(bigSnapshot(base, 20_000, 10))
      const bytes = Buffer.byteLength(body)
      expect(bytes).toBeGreaterThan(45_000_000)
      expect(bytes).toBeLessThan(50 * 1024 * 1024)

      const whole = monitorEventLoopDelay({ resolution: 10 })
      whole.enable()
      const t0 = performance.now()
      const request = app.request('/api/boards/marine/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      const importing = Promise.resolve(request).then((res) => ({ res, at: performance.now() }))
      await started

      // Another board and the health check answer while the file is being checked.
      const other = await app.request('/api/boards/software/snapshot')
      const otherAt = performance.now()
      expect(other.status).toBe(200)
      let answered = 0
      while (performance.now() < workerDoneAt) {
        const health = await app.request('/api/health')
        if (health.status === 200 && performance.now() < workerDoneAt) answered++
        await new Promise((resolve) => setTimeout(resolve, 100))
      }

      const { res, at } = await importing
      // Keep measuring a moment after the response, so a block just before it is counted too.
      await new Promise((resolve) => setTimeout(resolve, 50))
      whole.disable()
      expect(res.status).toBe(200)
      const result = (await res.json()) as {
        imported: { cards: number }
        savedBefore: SnapshotInfo
      }
      expect(result.imported).toEqual({ cards: 20_000 })
      expect(result.savedBefore.automatic).toBe(true)
      expect(otherAt).toBeLessThan(at)
      expect(answered).toBeGreaterThan(0)
      expect(workerPhase.max / 1e6).toBeLessThan(500)
      // Applied slice by slice, the import never holds up the server for long either.
      expect(whole.max / 1e6).toBeLessThan(1000)

      const after = parseSnapshot(await (await app.request('/api/boards/marine/snapshot')).json())
      expect(after.cards).toHaveLength(20_000)
      expect(after.cards.filter((c) => c.archived)).toHaveLength(Math.ceil(20_000 / 97))

      const ms = (n: number) => `${Math.round(n)} ms`
      console.info(
        `import of 20,000 cards (${(bytes / 1e6).toFixed(1)} MB): ${ms(at - t0)} in all, of which ` +
          `${ms(workerDoneAt - t0)} until the worker finished; max event-loop delay while the ` +
          `worker ran ${ms(workerPhase.max / 1e6)}, over the whole import ${ms(whole.max / 1e6)}; ` +
          `${answered} health checks answered meanwhile`,
      )
    },
  )
})
