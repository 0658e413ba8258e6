// Child process for the SIGKILL test of the SQLite writer: appends to six boards as fast as the
// store takes them, many in flight at once, and writes `board n` to stdout (synchronously, so
// the line is in the pipe before anything else runs) as soon as append n has resolved.
import fs from 'node:fs'
import { createSqliteStorage } from '../../server/storage/create.js'

const [file, synchronous] = process.argv.slice(2)
if (!file) throw new Error('usage: append-child.ts <file> [FULL|NORMAL]')
const storage = createSqliteStorage(file, synchronous === 'NORMAL' ? 'NORMAL' : 'FULL')
const boards = ['software', 'marine', 'biomedicine', 'logistics', 'energy', 'tourism']
let n = 0

/** Synchronous, so the line is out before anything else runs; waits out a full pipe (EAGAIN). */
function report(line: string): void {
  for (;;) {
    try {
      fs.writeSync(1, line)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
    }
  }
}

async function lane(board: string, inFlight: number): Promise<never> {
  for (;;) {
    const batch = Array.from({ length: inFlight }, () => n++)
    await Promise.all(
      batch.map(async (k) => {
        await storage.boards.append(board, new TextEncoder().encode(String(k)))
        report(`${board} ${k}\n`)
      }),
    )
  }
}

for (const [i, board] of boards.entries()) void lane(board, 1 + i)
