// The web client, built once per test process with the repo's vite.config.ts into a fresh temp
// folder (never dist/, which `npm start` owns), for servers started with CLIENT_DIR=<that folder>.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const prefix = 'sector-board-client-'

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
  removeStaleBuilds()
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}${process.pid}-`))
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
      build: {
        outDir,
        emptyOutDir: true,
        rollupOptions: {
          // Dependencies' misplaced /* @__PURE__ */ comments (zod) are dropped harmlessly; keep
          // every other warning.
          onwarn(warning, warn) {
            if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules'))
              return
            warn(warning)
          },
        },
      },
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

/** Test workers are not always let exit normally: remove builds whose process is gone. */
function removeStaleBuilds(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const pid = Number(new RegExp(`^${prefix}(\\d+)-`).exec(name)?.[1])
    if (!pid || pid === process.pid || processAlive(pid)) continue
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true })
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
