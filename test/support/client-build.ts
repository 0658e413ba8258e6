// The web client, built once per test process with the repo's vite.config.ts into a fresh temp
// folder (never dist/, which `npm start` owns), for servers started with CLIENT_DIR=<that folder>.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'

const repoRoot = path.resolve(import.meta.dirname, '../..')

let built: Promise<string> | undefined

/** Builds the client (production mode) into a temp folder and resolves to that folder. */
export function buildClientOnce(): Promise<string> {
  built ??= buildClient().catch((error: unknown) => {
    built = undefined
    throw error
  })
  return built
}

async function buildClient(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sector-board-client-'))
  process.once('exit', () => fs.rmSync(outDir, { recursive: true, force: true }))
  // Vitest sets NODE_ENV=test, which would make Vite bundle Solid's development build; build what
  // `npm run build` ships instead.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      configFile: path.join(repoRoot, 'vite.config.ts'),
      root: path.join(repoRoot, 'client'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  if (!fs.existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`client build wrote no index.html into ${outDir}`)
  }
  return outDir
}
