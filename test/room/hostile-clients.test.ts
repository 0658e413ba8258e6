// Clients that send what no well-behaved client would: updates that decode but do not apply,
// updates that break the board's structure, presence for other clients. Nothing of theirs is
// stored or relayed, and everyone else's work is kept.
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cardsOf, metaOf, stagesOf, targetsOf } from '../../shared/doc.js'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { CloseCode } from '../../server/room/peer.js'
import { decodeClientMessage, encodeUpdate } from '../../server/room/protocol.js'
import { alice, testBoard } from '../support/board.js'
import { testRooms } from '../support/app.js'
import { MemoryClient } from '../support/memory-client.js'
import { instrumentedStore } from '../support/stores.js'

function createRooms() {
  const store = instrumentedStore()
  const rooms = testRooms({ store, idleMs: 5_000 })
  return { rooms, store }
}

/** An update from a client doc that starts as a copy of the room's. */
function clientChange(roomDoc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(roomDoc))
  const before = Y.encodeStateVector(doc)
  change(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

/**
 * A corrupted update that passes Yjs' decoder but throws half-way through being applied, found by
 * flipping bytes of a real update with a fixed pseudo-random sequence (deterministic).
 */
function halfApplyingUpdate(): { base: Y.Doc; update: Uint8Array } {
  const base = testBoard(1)
  const good = clientChange(base, (doc) => {
    addCard(doc, { id: 'c1', stage: 'engaging', title: 'hello world' }, alice)
    addCard(doc, { id: 'c2', stage: 'signed', title: 'second' }, alice)
  })
  let seed = 12345
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  for (let i = 0; i < 5000; i++) {
    const bytes = new Uint8Array(good)
    const flips = 1 + Math.floor(random() * 3)
    for (let k = 0; k < flips; k++)
      bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256)
    try {
      decodeClientMessage(encodeUpdate(bytes))
    } catch {
      continue
    }
    const probe = new Y.Doc()
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(base))
    let changed = false
    probe.on('update', () => (changed = true))
    try {
      Y.applyUpdate(probe, bytes)
    } catch {
      if (changed) return { base, update: bytes }
    }
  }
  throw new Error('no half-applying update found')
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('hostile clients', () => {
  it('an update that throws half-way is neither stored nor relayed; the room reloads clean', async () => {
    const { base, update } = halfApplyingUpdate()
    const { rooms, store } = createRooms()
    await store.append('software', Y.encodeStateAsUpdate(base))
    const room = await rooms.acquire('software')
    const attacker = new MemoryClient(room)
    const bystander = new MemoryClient(room)
    await attacker.connect()
    await bystander.connect()
    addCard(bystander.doc, { stage: 'engaging', title: 'honest work' }, alice)
    const appends = store.calls.append
    const bystanderState = Y.encodeStateVector(bystander.doc)

    attacker.send(encodeUpdate(update))
    expect(attacker.closed).toEqual({
      code: CloseCode.invalidPayload,
      reason: 'update could not be applied',
    })
    await expect(room.flush()).rejects.toThrow('refused update')
    bystander.handleInbox()
    expect(bystander.closed?.code).toBe(CloseCode.internalError)
    expect(Y.encodeStateVector(bystander.doc)).toEqual(bystanderState)
    expect(store.calls.append).toBe(appends + 1) // the honest edit only

    const reloaded = await rooms.acquire('software')
    expect(reloaded).not.toBe(room)
    expect(readCards(reloaded.doc).map((c) => c.title)).toEqual(['honest work'])
  })

  it('a well-formed update that breaks a card is refused and never stored', async () => {
    const { rooms, store } = createRooms()
    const room = await rooms.acquire('software')
    const attacker = new MemoryClient(room)
    const bystander = new MemoryClient(room)
    await attacker.connect()
    await bystander.connect()
    const appends = store.calls.append
    attacker.send(
      encodeUpdate(
        clientChange(room.doc, (doc) => cardsOf(doc).set('evil', 'not a card' as never)),
      ),
    )
    expect(attacker.closed).toEqual({
      code: CloseCode.invalidPayload,
      reason: 'card evil is not a card',
    })
    await expect(room.flush()).rejects.toThrow()
    expect(store.calls.append).toBe(appends)
    const reloaded = await rooms.acquire('software')
    expect(cardsOf(reloaded.doc).has('evil')).toBe(false)
    const res = readCards(reloaded.doc)
    expect(res.length).toBeGreaterThan(0)
  })

  it('a malformed stage or target is refused by a room just loaded from storage', async () => {
    // A doc filled from storage holds untyped placeholders for the roots no one has read yet, and
    // the first transaction records its changes against them: they must still be checked.
    const attacks: [string, (doc: Y.Doc) => void][] = [
      ['invalid target evil', (doc) => targetsOf(doc).set('evil', { nonsense: true })],
      ['stage evil is malformed', (doc) => stagesOf(doc).set('evil', 'not a stage' as never)],
    ]
    for (const [reason, attack] of attacks) {
      const { rooms, store } = createRooms()
      await store.append('software', Y.encodeStateAsUpdate(testBoard(1)))
      const room = await rooms.acquire('software')
      const attacker = new MemoryClient(room)
      await attacker.connect()
      const appends = store.calls.append
      attacker.send(encodeUpdate(clientChange(room.doc, attack)))
      expect(attacker.closed).toEqual({ code: CloseCode.invalidPayload, reason })
      await expect(room.flush()).rejects.toThrow()
      expect(store.calls.append).toBe(appends)
      const reloaded = await rooms.acquire('software')
      expect(stagesOf(reloaded.doc).has('evil') || targetsOf(reloaded.doc).has('evil')).toBe(false)
    }
  })

  it('a client may not change the board identity or schema version', async () => {
    const { rooms, store } = createRooms()
    const room = await rooms.acquire('marine')
    const attacker = new MemoryClient(room)
    await attacker.connect()
    const appends = store.calls.append
    attacker.send(
      encodeUpdate(clientChange(room.doc, (doc) => metaOf(doc).set('schemaVersion', 99))),
    )
    expect(attacker.closed?.reason).toBe('board identity is read-only')
    await expect(room.flush()).rejects.toThrow()
    expect(store.calls.append).toBe(appends)
    const reloaded = await rooms.acquire('marine')
    expect(metaOf(reloaded.doc).get('schemaVersion')).toBe(1)
  })

  it('a malformed presence update is refused whole, leaving no ghost behind', async () => {
    const { rooms } = createRooms()
    const room = await rooms.acquire('marine')
    const attacker = new MemoryClient(room)
    await attacker.connect()
    // One valid entry (client 77, clock 1, "{}") followed by a truncated second entry.
    const update = new Uint8Array([2, 77, 1, 2, 123, 125, 78, 1])
    attacker.send(new Uint8Array([1, update.length, ...update]))
    expect(attacker.closed).toEqual({
      code: CloseCode.invalidPayload,
      reason: 'malformed awareness update',
    })
    expect(room.awareness.getStates().has(77)).toBe(false)
  })

  it('a late release from a failed room never unloads the room that replaced it', async () => {
    const { rooms, store } = createRooms()
    const first = await rooms.acquire('software')
    rooms.release(first) // arms first's idle timer
    store.failNextAppend()
    addCard(first.doc, { stage: 'engaging', title: 'x' }, alice)
    await expect(first.flush()).rejects.toThrow('storage failed')
    const second = await rooms.acquire('software')
    expect(second).not.toBe(first)
    rooms.release(first) // a connection of the failed room closing late
    await vi.advanceTimersByTimeAsync(60_000)
    expect(rooms.loadedBoards).toEqual(['software'])
  })

  it('a board whose seed cannot be stored is not handed out; the next try loads it', async () => {
    const { rooms, store } = createRooms()
    store.failNextAppend()
    await expect(rooms.acquire('biomedicine')).rejects.toThrow('storage failed')
    expect(rooms.loadedBoards).toEqual([])
    const room = await rooms.acquire('biomedicine')
    expect(readCards(room.doc).length).toBeGreaterThan(0)
  })
})
