// Room lifecycle: one load for many joiners, unload only after storing, reload on demand.
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { addCard } from '../../shared/ops/cards.js'
import { encodeSyncStep2 } from '../../server/room/protocol.js'
import { readCards, readMeta } from '../../shared/read.js'
import { UnknownBoardError } from '../../server/room/rooms.js'
import { alice } from '../support/board.js'
import { testRooms } from '../support/app.js'
import { MemoryClient } from '../support/memory-client.js'
import { instrumentedStore } from '../support/stores.js'

const IDLE_MS = 5_000

/** A client's sync step 1 for an empty doc, as a fresh browser sends it. */
function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}
const syncStep2 = encodeSyncStep2

function createRooms(store = instrumentedStore()) {
  const rooms = testRooms({ store, idleMs: IDLE_MS })
  return { rooms, store }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('rooms', () => {
  it('loads a board once however many clients join at the same moment', async () => {
    const { rooms, store } = createRooms()
    const joined = await Promise.all(Array.from({ length: 20 }, () => rooms.acquire('marine')))
    expect(new Set(joined).size).toBe(1)
    expect(store.calls.load).toBe(1)
  })

  it('seeds a board on first load from the article, and stores the seed', async () => {
    const { rooms, store } = createRooms()
    const room = await rooms.acquire('marine')
    expect(readMeta(room.doc).name.zh).toBe('海工装备研发产业')
    expect(readCards(room.doc).some((c) => c.title.includes('青岛北斗数据中心'))).toBe(true)
    expect((await store.load('marine')).updates.length).toBeGreaterThan(0)
  })

  it('refuses unknown boards without touching storage', async () => {
    const { rooms, store } = createRooms()
    await expect(rooms.acquire('../../etc/passwd')).rejects.toBeInstanceOf(UnknownBoardError)
    expect(store.calls.load).toBe(0)
  })

  it('unloads an idle room only after storing and compacting it, and reloads it intact', async () => {
    const { rooms, store } = createRooms()
    const room = await rooms.acquire('software')
    const client = new MemoryClient(room)
    await client.connect()
    addCard(client.doc, { stage: 'engaging', title: 'kept across unload' }, alice)
    client.leave()
    rooms.release(room)
    expect(rooms.loadedBoards).toEqual(['software'])
    await vi.advanceTimersByTimeAsync(IDLE_MS)
    expect(rooms.loadedBoards).toEqual([])
    expect(store.calls.compact).toBe(1)
    const again = await rooms.acquire('software')
    expect(again).not.toBe(room)
    expect(store.calls.load).toBe(2)
    expect(readCards(again.doc).map((c) => c.title)).toContain('kept across unload')
  })

  it('a board reloaded from its compacted state sends it to new joiners until the board changes', async () => {
    const { rooms, store } = createRooms()
    const first = await rooms.acquire('software')
    await first.compact()
    const stored = (await store.load('software')).state as Uint8Array
    rooms.release(first)
    await vi.advanceTimersByTimeAsync(IDLE_MS)

    const room = await rooms.acquire('software')
    const joiner = new MemoryClient(room)
    room.join(joiner.peer, 'editor')
    joiner.send(syncStep1(new Y.Doc()))
    await room.flush()
    // Sync step 1 first, then the reply to the joiner's step 1: the state as stored.
    expect(joiner.inbox.at(-1)).toEqual(syncStep2(stored))
    joiner.handleInbox()
    expect(readCards(joiner.doc)).toEqual(readCards(room.doc))

    // Once the board changes, a new joiner gets the board as it now is.
    addCard(joiner.doc, { stage: 'engaging', title: 'after the reload' }, alice)
    await room.flush()
    const late = new MemoryClient(room)
    await late.connect()
    expect(readCards(late.doc).map((c) => c.title)).toContain('after the reload')
    expect(readCards(late.doc)).toEqual(readCards(room.doc))
  })

  it('a client arriving during an unload waits and gets the stored board', async () => {
    const { rooms, store } = createRooms()
    const room = await rooms.acquire('software')
    addCard(room.doc, { stage: 'engaging', title: 'late edit' }, alice)
    rooms.release(room)
    store.hold()
    await vi.advanceTimersByTimeAsync(IDLE_MS)
    const arriving = rooms.acquire('software')
    store.release()
    const next = await arriving
    expect(next).not.toBe(room)
    expect(readCards(next.doc).map((c) => c.title)).toContain('late edit')
  })

  it('a room in use is not unloaded', async () => {
    const { rooms } = createRooms()
    const room = await rooms.acquire('software')
    await rooms.acquire('software')
    rooms.release(room)
    await vi.advanceTimersByTimeAsync(IDLE_MS * 3)
    expect(rooms.loadedBoards).toEqual(['software'])
  })
})
