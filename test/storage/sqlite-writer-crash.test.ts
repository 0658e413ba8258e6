// SIGKILL of a process while appends are in flight on its SQLite writer thread: every append the
// process saw resolve (and reported) is in the file afterwards. Real child process, real thread.
import { spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../server/storage/sqlite.js'
import { tempDataDir } from '../support/server.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')

describe('SQLite writer under SIGKILL', () => {
  for (const synchronous of ['FULL', 'NORMAL'])
    it(`keeps every resolved append (${synchronous})`, { timeout: 30_000 }, async () => {
      const file = path.join(tempDataDir(), 'sector-board.sqlite')
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/support/append-child.ts', file, synchronous],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
      )
      const resolved = new Map<string, Set<string>>()
      const lines = readline.createInterface({ input: child.stdout })
      let count = 0
      lines.on('line', (line) => {
        const [board = '', k = ''] = line.split(' ')
        resolved.set(board, (resolved.get(board) ?? new Set()).add(k))
        // Killed mid-stream, with dozens of appends queued or committing.
        if (++count === 2000) child.kill('SIGKILL')
      })
      // Lines already in the pipe are still read after the child is gone.
      await new Promise((resolve) => lines.once('close', resolve))
      expect(
        child.signalCode ??
          (await new Promise((r) => child.once('exit', () => r(child.signalCode)))),
      ).toBe('SIGKILL')
      expect(count).toBeGreaterThanOrEqual(2000)

      const store = createSqliteStore(file)
      for (const [board, keys] of resolved) {
        const stored = new Set(
          (await store.load(board)).updates.map((u) => new TextDecoder().decode(u)),
        )
        expect([...keys].filter((k) => !stored.has(k))).toEqual([])
      }
      await store.close()
    })
})
