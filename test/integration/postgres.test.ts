// A server on PostgreSQL (DATABASE_URL): it serves and stores boards in its schema, keeps them
// across a restart, and loses nothing a client saw when killed with SIGKILL.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { addCard, editCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { joinBoard, type BoardClient } from '../support/clients.js'
import { postgresAvailable, testSchema } from '../support/postgres.js'
import {
  killHard,
  startChildServer,
  startTestServer,
  tempDataDir,
  type ChildServer,
} from '../support/server.js'

const up = await postgresAvailable()
const db = testSchema()
afterAll(() => db.drop())

const open: { clients: BoardClient[]; children: ChildServer[] } = { clients: [], children: [] }
afterEach(async () => {
  for (const c of open.clients.splice(0)) c.close()
  for (const s of open.children.splice(0)) await killHard(s.child)
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

  it('an edit another client has seen survives SIGKILL of the server', async () => {
    const first = await startChildServer(tempDataDir(), db.env)
    open.children.push(first)
    const writer = await join(first.url, 'biomedicine')
    const watcher = await join(first.url, 'biomedicine')
    const ids: string[] = []
    for (let i = 0; i < 20; i++)
      ids.push(addCard(writer.doc, { stage: 'engaging', title: `海洋药物 ${i}` }, { actor: 'w' }))
    const target = ids[19] as string
    editCard(writer.doc, target, { notes: 'last words before the crash' }, { actor: 'w' })
    await vi.waitFor(() =>
      expect(readCards(watcher.doc).find((c) => c.id === target)?.notes).toBe(
        'last words before the crash',
      ),
    )
    // The watcher saw it: kill at once, with no chance to flush or compact.
    await killHard(first.child)
    writer.provider.disconnect()
    watcher.provider.disconnect()

    const second = await startChildServer(tempDataDir(), db.env)
    open.children.push(second)
    const cards = readCards((await join(second.url, 'biomedicine')).doc)
    for (const id of ids) expect(cards.some((c) => c.id === id)).toBe(true)
    expect(cards.find((c) => c.id === target)?.notes).toBe('last words before the crash')
  }, 60_000)
})
