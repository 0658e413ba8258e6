// Where the SQLite writer thread's code is, for `new Worker`: built JavaScript in production,
// the TypeScript source (through tsx) when the server runs from source.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/**
 * The thread's module: compiled JavaScript next to this file in a build. Run from TypeScript
 * sources (tsx, Vitest), the thread first registers tsx itself: on Node 20 a worker ignores
 * loader hooks passed as `--import`, so it cannot load the `.ts` entry directly.
 */
export function writerThreadEntry(): { readonly source: string | URL; readonly eval: boolean } {
  const js = new URL('./sqlite-writer-thread.js', import.meta.url)
  if (fs.existsSync(js)) return { source: js, eval: false }
  const ts = new URL('./sqlite-writer-thread.ts', import.meta.url).href
  const tsx = JSON.stringify(tsxApiUrl())
  return {
    source: `import(${tsx}).then((tsx) => tsx.tsImport(${JSON.stringify(ts)}, ${JSON.stringify(ts)}))`,
    eval: true,
  }
}

/** The ESM entry of tsx's API, found through its package exports. */
function tsxApiUrl(): string {
  const packageFile = createRequire(import.meta.url).resolve('tsx/package.json')
  const { exports } = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>
  }
  const entry = exports['./esm/api']?.import.default
  if (!entry) throw new Error('tsx has no ESM API entry')
  return pathToFileURL(path.join(path.dirname(packageFile), entry)).href
}
