// Real server, real WebSockets, standard y-websocket clients, real SQLite on disk.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { addCard, editCard, moveCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import type { RunningServer } from '../../server/server.js'
import { joinBoard, type BoardClient } from '../support/clients.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

async function serve(dataDir = tempDataDir()): Promise<RunningServer> {
  const server = await startTestServer(dataDir)
  cleanup.push(() => server.close())
  return server
}

async function join(server: RunningServer, board: string): Promise<BoardClient> {
  const client = await joinBoard(server.url, board)
  cleanup.push(() => client.close())
  return client
}

const view = (client: BoardClient) => JSON.stringify(readCards(client.doc))

describe('live editing over y-websocket', () => {
  it('three clients editing one board at once converge', async () => {
    const server = await serve()
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => join(server, 'software')))
    if (!a || !b || !c) throw new Error('clients missing')
    const seeded = readCards(a.doc)
    expect(seeded.length).toBeGreaterThan(5)
    const first = seeded[0]?.id as string
    addCard(a.doc, { stage: 'signed', title: '新项目 A' }, { actor: 'a' })
    editCard(b.doc, first, { officer: '李娜', notes: 'b was here' }, { actor: 'b' })
    moveCard(c.doc, first, { stage: 'completed', index: 0 }, { actor: 'c' })
    addCard(c.doc, { stage: 'signed', title: '新项目 C' }, { actor: 'c' })
    await vi.waitFor(() => {
      expect(view(b)).toBe(view(a))
      expect(view(c)).toBe(view(a))
      expect(readCards(a.doc)).toHaveLength(seeded.length + 2)
    })
    expect(readCards(a.doc).find((card) => card.id === first)).toMatchObject({
      officer: '李娜',
      notes: expect.stringContaining('b was here'),
      placement: { stage: 'completed' },
    })
  })

  it('a restart keeps every edit', async () => {
    const dataDir = tempDataDir()
    const server = await startTestServer(dataDir)
    const writer = await joinBoard(server.url, 'marine')
    const reader = await joinBoard(server.url, 'marine')
    const id = addCard(
      writer.doc,
      { stage: 'engaging', title: '北斗导航 survives restart' },
      { actor: 'w' },
    )
    await vi.waitFor(() => expect(readCards(reader.doc).some((c) => c.id === id)).toBe(true))
    writer.close()
    reader.close()
    await server.close()

    const again = await serve(dataDir)
    const after = await join(again, 'marine')
    expect(readCards(after.doc).find((c) => c.id === id)?.title).toBe('北斗导航 survives restart')
  })
})
