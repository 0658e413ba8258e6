// A server on PostgreSQL (DATABASE_URL): it serves and stores boards in its schema and keeps them
// across a restart. (SIGKILL on PostgreSQL: crash.test.ts, which runs on both databases.)
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { joinBoard, type BoardClient } from '../support/clients.js'
import { postgresAvailable, testSchema } from '../support/postgres.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const up = await postgresAvailable()
const db = testSchema()
afterAll(() => db.drop())

const open: { clients: BoardClient[] } = { clients: [] }
afterEach(() => {
  for (const c of open.clients.splice(0)) c.close()
})

async function join(url: string, boardId: string): Promise<BoardClient> {
  const client = await joinBoard(url, boardId)
  open.clients.push(client)
  return client
}

describe.skipIf(!up)('server on PostgreSQL', () => {
  it('stores a board in PostgreSQL and serves it again after a restart', async () => {
    // Each server gets its own empty data folder: nothing can come from a SQLite file.
    const first = await startTestServer(tempDataDir(), db.env)
    const writer = await join(first.url, 'software')
    const id = addCard(writer.doc, { stage: 'engaging', title: '工业软件平台' }, { actor: 'w' })
    const watcher = await join(first.url, 'software')
    await vi.waitFor(() => expect(readCards(watcher.doc).some((c) => c.id === id)).toBe(true))
    await first.close()
    open.clients.splice(0).forEach((c) => c.close())
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM board_update WHERE board_id = 'software') +
              (SELECT count(*) FROM board_state WHERE board_id = 'software') AS n`,
    )
    expect(Number(rows[0]?.n)).toBeGreaterThan(0)

    const second = await startTestServer(tempDataDir(), db.env)
    try {
      const reader = await join(second.url, 'software')
      expect(readCards(reader.doc).find((c) => c.id === id)?.title).toBe('工业软件平台')
    } finally {
      for (const c of open.clients.splice(0)) c.close()
      await second.close()
    }
  })
})
