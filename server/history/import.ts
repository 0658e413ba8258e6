// Imports off the main thread. A worker thread decodes, parses and validates the file and builds
// the Yjs updates that replace the board's content (import-prepare.ts); the main thread only
// applies them to the live room (snapshots.ts), slice by slice with a yield in between, so a 50 MB
// file with 20,000 cards does not stall the other boards (applying all of it at once would block
// the event loop for seconds: some 30 Yjs items per card, mostly garbage collection).
//
// The worker starts from the room's state when the import began. Edits that reach the room while
// it works are kept and merged: the update holds only the worker's new items and its deletions of
// items it knew, and it cannot delete what it never saw. So a card someone adds meanwhile stays
// (next to the imported ones), while an edit inside a card the import replaces stays inside the
// replaced (deleted) card and is not visible afterwards, as if it had come just before the import.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { BoardError } from '../../shared/errors.js'
import type { ImportInput, ImportOutcome, PreparedImport } from './import-prepare.js'

export type { ImportInput, PreparedImport } from './import-prepare.js'
export type PrepareImport = (input: ImportInput) => Promise<PreparedImport>

/**
 * Starts the worker module next to this one, with this module's extension: `.js` in the built
 * server (dist/), `.ts` under tsx (tests, `npm run dev`). Node 20 does not apply `--import tsx`
 * from a worker's execArgv, so a TypeScript worker registers tsx's loader itself first.
 */
function startWorker(input: ImportInput): Worker {
  const here = fileURLToPath(import.meta.url)
  const ext = path.extname(here)
  const workerFile = pathToFileURL(path.join(path.dirname(here), `import-worker${ext}`))
  const options = {
    workerData: input,
    transferList: [input.body.buffer as ArrayBuffer, input.state.buffer as ArrayBuffer],
    // A file too big to hold fails this import alone, not the whole server.
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  }
  if (ext !== '.ts') return new Worker(workerFile, options)
  const tsxApi = import.meta.resolve('tsx/esm/api')
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(workerFile.href)}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}

/**
 * Prepares an import in a worker thread. `input.body` and `input.state` are transferred to the
 * worker (their buffers are detached here). Rejects with BoardError('invalid-snapshot') naming
 * the JSON path when the file is refused.
 */
export const prepareImportOffThread: PrepareImport = (input) =>
  new Promise<PreparedImport>((resolve, reject) => {
    const worker = startWorker(input)
    let settled = false
    worker.once('message', (outcome: ImportOutcome) => {
      settled = true
      if (outcome.ok) resolve({ updates: outcome.updates, cards: outcome.cards })
      else {
        const { code, message, path: at } = outcome.error
        // The message already names the path; keep it as the worker wrote it.
        reject(Object.assign(new BoardError(code, '', at), { message }))
      }
    })
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`import worker exited with code ${code} and no result`))
    })
  })
