// A client session while its board loads: buffered messages, early disconnects, floods.
import { describe, expect, it, vi } from 'vitest'
import { addCard, editCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { seedBoard } from '../../shared/seed/index.js'
import { MAX_PENDING_MESSAGES, openConnection } from '../../server/room/connection.js'
import { CloseCode, type Peer } from '../../server/room/peer.js'
import { encodeUpdate } from '../../server/room/protocol.js'
import * as Y from 'yjs'
import { alice } from '../support/board.js'
import { silentLog } from '../support/log.js'
import { testRooms } from '../support/app.js'
import { instrumentedStore, type InstrumentedStore } from '../support/stores.js'

function setup() {
  const store = instrumentedStore()
  const rooms = testRooms({ store, idleMs: 60_000 })
  const closed: { code: number; reason: string }[] = []
  const peer: Peer = {
    send: () => undefined,
    close: (code, reason) => closed.push({ code, reason }),
  }
  return { rooms, store, peer, closed }
}

/** Stores a seeded board, and returns two updates a client of it makes: add a card, rename it. */
async function storedBoardAndClientUpdates(store: InstrumentedStore): Promise<Uint8Array[]> {
  const base = new Y.Doc()
  seedBoard(base, 'energy-materials')
  await store.append('energy-materials', Y.encodeStateAsUpdate(base))
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const id = addCard(doc, { stage: 'engaging', title: '石墨烯 draft' }, alice)
  editCard(doc, id, { title: '石墨烯 early bird' }, alice)
  return updates
}

describe('connection', () => {
  it('applies messages sent while the board was still loading, in order', async () => {
    const { rooms, store, peer, closed } = setup()
    const updates = await storedBoardAndClientUpdates(store)
    const connection = openConnection(rooms, 'energy-materials', peer, 'editor', silentLog)
    for (const update of updates) connection.receive(encodeUpdate(update))
    const titles = await rooms.use('energy-materials', async (room) => {
      await room.flush()
      return readCards(room.doc).map((c) => c.title)
    })
    expect(titles).toContain('石墨烯 early bird')
    expect(titles).not.toContain('石墨烯 draft')
    expect(closed).toEqual([])
  })

  it('releases the room when the client leaves before the board loaded', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const { rooms, peer } = setup()
      const connection = openConnection(rooms, 'energy-materials', peer, 'editor', silentLog)
      connection.closed()
      await rooms.use('energy-materials', () => undefined)
      expect(rooms.loadedBoards).toEqual(['energy-materials'])
      // Nobody holds the room any more, so it unloads once idle.
      await vi.advanceTimersByTimeAsync(60_000)
      expect(rooms.loadedBoards).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })

  it('cuts off a client that floods before its board has loaded', () => {
    const { rooms, peer, closed } = setup()
    const connection = openConnection(rooms, 'energy-materials', peer, 'editor', silentLog)
    for (let i = 0; i <= MAX_PENDING_MESSAGES; i++) connection.receive(new Uint8Array([3]))
    expect(closed).toEqual([
      { code: CloseCode.tryAgainLater, reason: 'too many messages before the board loaded' },
    ])
  })
})
