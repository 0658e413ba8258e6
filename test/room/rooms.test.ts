// Room lifecycle: one load for many joiners, unload only after storing, reload on demand.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import { readCards, readMeta } from '../../shared/read.js'
import { UnknownBoardError } from '../../server/room/rooms.js'
import { alice } from '../support/board.js'
import { testRooms } from '../support/app.js'
import { MemoryClient } from '../support/memory-client.js'
import { instrumentedStore } from '../support/stores.js'

const IDLE_MS = 5_000

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
