// The SQLite writer thread with real files and a real worker: group commits keep every append's
// order and number, reads see what resolved, close waits for pending writes, and a failed write or
// a dead thread rejects everything pending and later.
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { FromWriter } from '../../server/storage/sqlite-writer-messages.js'
import { startWriterThread } from '../../server/storage/sqlite-writer-client.js'
import { createSqliteStorage } from '../../server/storage/create.js'
import { createSqliteStore } from '../../server/storage/sqlite.js'
import type { BoardStore } from '../../server/storage/store.js'
import { tempDataDir } from '../support/server.js'

const boards = ['software', 'marine', 'biomedicine', 'logistics', 'energy', 'tourism']
const toClose: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const c of toClose.splice(0)) await c.close().catch(() => undefined)
})

const tempFile = () => path.join(tempDataDir(), 'sector-board.sqlite')
const bytes = (n: number) => new Uint8Array([n & 0xff, (n >> 8) & 0xff, 7])

function openStore(file: string): BoardStore {
  const store = createSqliteStore(file)
  toClose.push(store)
  return store
}

describe('SQLite writer thread', () => {
  it('concurrent appends across boards resolve in order, numbered, and survive reopening', async () => {
    const file = tempFile()
    const store = openStore(file)
    const calls = Array.from({ length: 1200 }, (_, i) => ({ board: boards[i % 6]!, n: i }))
    // Half at once, half while the first commits are running.
    const first = calls.slice(0, 600).map((c) => store.append(c.board, bytes(c.n)))
    await new Promise((resolve) => setImmediate(resolve))
    const second = calls.slice(600).map((c) => store.append(c.board, bytes(c.n)))
    const seqs = await Promise.all([...first, ...second])
    expect(seqs).toEqual(calls.map((_, i) => i + 1))

    const expected = (board: string) => calls.filter((c) => c.board === board)
    const check = async (s: BoardStore) => {
      for (const board of boards) {
        const loaded = await s.load(board)
        expect(loaded.updates).toEqual(expected(board).map((c) => bytes(c.n)))
        expect(loaded.lastSeq).toBe(expected(board).at(-1)!.n + 1)
      }
    }
    await check(store)
    await store.close()
    await check(openStore(file))
  })

  it('shares commits: writes queued while one commits go out together', async () => {
    const writer = startWriterThread(tempFile())
    toClose.push(writer)
    let commits = 0
    writer.worker.on('message', (m: FromWriter) => void (m.kind === 'committed' && commits++))
    const all: Promise<number>[] = []
    for (let round = 0; round < 20; round++) {
      for (const boardId of boards)
        all.push(writer.write({ kind: 'append', boardId, update: bytes(round) }))
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await Promise.all(all)).toEqual(all.map((_, i) => i + 1))
    expect(commits).toBeLessThanOrEqual(20)
    expect(commits).toBeGreaterThan(0)
  })

  it('a read right after an append, compaction or audit entry resolved sees it', async () => {
    const storage = createSqliteStorage(tempFile())
    toClose.push(storage)
    for (let i = 1; i <= 50; i++) {
      const seq = await storage.boards.append('marine', bytes(i))
      expect((await storage.boards.load('marine')).lastSeq).toBe(seq)
      if (i % 10 === 0) {
        await storage.boards.compact('marine', bytes(1000 + i), seq)
        expect(await storage.boards.load('marine')).toMatchObject({ throughSeq: seq, updates: [] })
      }
    }
    const at = new Date().toISOString()
    const entry = { boardId: 'marine', cardId: 'c1', field: 'title', actor: 'li', at }
    await storage.audit.append([{ ...entry, before: 'a', after: { stage: 'signed' } }])
    expect(await storage.audit.query('marine', {})).toEqual([
      { ...entry, before: 'a', after: { stage: 'signed' } },
    ])
  })

  it('close waits for pending writes; later writes reject', async () => {
    const file = tempFile()
    const storage = createSqliteStorage(file, 'NORMAL')
    const pending = boards.flatMap((b) => [1, 2, 3].map((n) => storage.boards.append(b, bytes(n))))
    const audit = storage.audit.append([
      { boardId: 'marine', cardId: 'c', field: 'f', before: 1, after: 2, actor: 'a', at: 'now' },
    ])
    await storage.close()
    expect(await Promise.all(pending)).toHaveLength(18)
    await audit
    await expect(storage.boards.append('marine', bytes(9))).rejects.toThrow(/closed/)

    const again = createSqliteStorage(file)
    toClose.push(again)
    for (const b of boards) expect((await again.boards.load(b)).updates).toHaveLength(3)
    expect(await again.audit.query('marine', {})).toHaveLength(1)
  })

  it('a failed commit rejects the writes in it, those pending and all later ones', async () => {
    const file = tempFile()
    const store = openStore(file)
    await store.append('marine', bytes(1))
    // Another connection makes every insert fail, as a full or broken disk would.
    const other = new Database(file)
    other.exec(`CREATE TRIGGER broken BEFORE INSERT ON board_update
                BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`)
    const inFlight = [store.append('marine', bytes(2)), store.append('software', bytes(3))]
    for (const p of inFlight) await expect(p).rejects.toThrow(/disk on fire/)
    other.exec('DROP TRIGGER broken')
    other.close()
    // Fail-stop: once a commit failed, nothing later is acknowledged as durable.
    await expect(store.append('marine', bytes(4))).rejects.toThrow(/disk on fire/)
    await expect(store.compact('marine', bytes(5), 1)).rejects.toThrow(/disk on fire/)
    expect((await store.load('marine')).updates).toEqual([bytes(1)])
  })

  it('a writer thread that dies rejects pending and later writes', async () => {
    const writer = startWriterThread(tempFile())
    toClose.push(writer)
    await writer.write({ kind: 'append', boardId: 'marine', update: bytes(1) })
    const pending = Array.from({ length: 50 }, (_, i) =>
      writer.write({ kind: 'append', boardId: 'marine', update: bytes(i) }),
    )
    await writer.worker.terminate()
    const settled = await Promise.allSettled(pending)
    // Some may have committed before the thread stopped; none after a rejection.
    const firstRejected = settled.findIndex((s) => s.status === 'rejected')
    expect(firstRejected).toBeGreaterThanOrEqual(0)
    expect(settled.slice(firstRejected).every((s) => s.status === 'rejected')).toBe(true)
    await expect(
      writer.write({ kind: 'append', boardId: 'marine', update: bytes(2) }),
    ).rejects.toThrow(/stopped/)
  })

  it('a writer thread that cannot open its file rejects every write', async () => {
    const writer = startWriterThread(tempDataDir())
    toClose.push(writer)
    await expect(
      writer.write({ kind: 'append', boardId: 'marine', update: bytes(1) }),
    ).rejects.toThrow(/SQLite writer thread/)
  })
})
