// The room core with in-memory peers: sync, store-before-broadcast, refusals, presence.
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addCard, editCard, getCardMap } from '../../shared/ops/cards.js'
import { VIEWER_CHANGE_REFUSED } from '../../shared/roles.js'
import { readCards } from '../../shared/read.js'
import { CloseCode } from '../../server/room/peer.js'
import { Room } from '../../server/room/room.js'
import type { BoardStore } from '../../server/storage/store.js'
import { alice, bob } from '../support/board.js'
import { silentLog } from '../support/log.js'
import { MemoryClient } from '../support/memory-client.js'
import { testRoom } from '../support/room.js'
import { instrumentedStore, type InstrumentedStore } from '../support/stores.js'

function openRoom(store: InstrumentedStore = instrumentedStore(), failures: unknown[] = []) {
  return testRoom(store, failures)
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, ids: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, ids))
  return encoding.toUint8Array(encoder)
}

const titles = (doc: Y.Doc) => readCards(doc).map((c) => c.title)

/**
 * A client's 100 new cards, all arriving before the room gets to store any (32 + 32 + 32 + 4);
 * gives the appends the store had before them.
 */
function burstOf100(client: MemoryClient, store: InstrumentedStore): number {
  const appendsBefore = store.calls.append
  for (let i = 0; i < 100; i++)
    addCard(client.doc, { stage: 'engaging', title: `card ${i}` }, alice)
  return appendsBefore
}

describe('room', () => {
  it('a joining client receives the board, and edits reach every other client', async () => {
    const { room } = openRoom()
    const a = new MemoryClient(room)
    const b = new MemoryClient(room)
    await a.connect()
    await b.connect()
    expect(a.doc.getMap('stages').size).toBe(3)
    const id = addCard(a.doc, { stage: 'engaging', title: '国际机器人中心' }, alice)
    await b.sync()
    expect(titles(b.doc)).toEqual(['国际机器人中心'])
    editCard(b.doc, id, { title: '国际机器人中心 International Robot Center' }, bob)
    await a.sync()
    expect(titles(a.doc)).toEqual(['国际机器人中心 International Robot Center'])
    expect(titles(room.doc)).toEqual(titles(a.doc))
  })

  it('stores an update before any other client hears of it', async () => {
    const { room, store } = openRoom()
    const a = new MemoryClient(room)
    const b = new MemoryClient(room)
    await a.connect()
    await b.connect()
    store.hold()
    addCard(a.doc, { stage: 'engaging', title: 'held' }, alice)
    // A client joining meanwhile must not get the unstored update either.
    const late = new MemoryClient(room)
    room.join(late.peer, 'editor')
    await new Promise((resolve) => setImmediate(resolve))
    b.handleInbox()
    late.handleInbox()
    expect(titles(b.doc)).toEqual([])
    expect(titles(late.doc)).toEqual([])
    store.release()
    await b.sync()
    await late.sync()
    expect(titles(b.doc)).toEqual(['held'])
    expect(titles(late.doc)).toEqual(['held'])
    const stored = await store.load('software')
    const replay = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdate(replay, u)
    expect(titles(replay)).toEqual(['held'])
  })

  it('changes arriving while a store is in flight go out together: one append, the same bytes to all', async () => {
    const { room, store } = openRoom()
    const [a, b, c] = [new MemoryClient(room), new MemoryClient(room), new MemoryClient(room)]
    for (const client of [a, b, c]) await client.connect()
    const appendsBefore = store.calls.append
    store.hold()
    addCard(a.doc, { stage: 'engaging', title: 'first' }, alice)
    await new Promise((resolve) => setImmediate(resolve))
    addCard(a.doc, { stage: 'engaging', title: 'second' }, alice)
    addCard(b.doc, { stage: 'signed', title: 'third' }, bob)
    store.release()
    await room.flush()
    expect(store.calls.append - appendsBefore).toBe(2)
    const merged = [a, b, c].map((client) => client.inbox.at(-1))
    expect(merged[1]).toEqual(merged[0])
    expect(merged[2]).toEqual(merged[0])
    for (const client of [a, b, c]) client.handleInbox()
    for (const client of [a, b, c])
      expect(titles(client.doc).sort()).toEqual(['first', 'second', 'third'])
  })

  it('a burst of changes is stored in batches of at most 32, and every one reaches the others', async () => {
    const { room, store } = openRoom()
    const [a, b] = [new MemoryClient(room), new MemoryClient(room)]
    for (const client of [a, b]) await client.connect()
    const appendsBefore = burstOf100(a, store)
    await room.flush()
    expect(store.calls.append - appendsBefore).toBe(4)
    b.handleInbox()
    expect(titles(b.doc)).toHaveLength(100)
  })

  it('a client joining after a burst gets the board only once the whole burst is stored', async () => {
    const { room, store } = openRoom()
    const a = new MemoryClient(room)
    await a.connect()
    const appendsBefore = burstOf100(a, store)
    const late = new MemoryClient(room)
    let appendsWhenServed = -1
    const send = late.peer.send.bind(late.peer)
    late.peer.send = (data) => {
      // Sync step 2 (message 0, step 1): the board as the server has it.
      if (data[0] === 0 && data[1] === 1) appendsWhenServed = store.calls.append - appendsBefore
      send(data)
    }
    await late.connect()
    await room.flush()
    expect(appendsWhenServed).toBe(4)
    expect(titles(late.doc)).toHaveLength(100)
  })

  it('an HTTP read waits for the whole burst before it to be stored, and no longer than its own turn', async () => {
    const { room, store } = openRoom()
    const a = new MemoryClient(room)
    await a.connect()
    const appendsBefore = burstOf100(a, store)
    const order: string[] = []
    const first = room.readStored((doc) => {
      order.push(`first read, ${store.calls.append - appendsBefore} appends`)
      return titles(doc).length
    })
    void first.then(() => order.push('first answered'))
    // Asked later, so read later; the first asker does not wait for it (a board's JSON view is
    // not held up by the encoding of its Yjs state, asked for at the same time).
    const second = room.readStored(() => void order.push('second read'))
    expect(await first).toBe(100)
    await second
    expect(order).toEqual(['first read, 4 appends', 'first answered', 'second read'])
  })

  it('refuses garbage, truncated and unknown messages, closing only that client and storing nothing', async () => {
    const { room, store } = openRoom()
    const good = new MemoryClient(room)
    await good.connect()
    const appendsBefore = store.calls.append
    const bad: Uint8Array[] = [
      new Uint8Array([0xff, 0xff, 0xff]),
      new Uint8Array([0, 2, 50, 1, 2]), // sync update claiming 50 bytes, carrying 2
      new Uint8Array([0, 2, 3, 9, 9, 9]), // a complete frame whose update is not a Yjs update
      new Uint8Array([7]), // unknown message type
      new Uint8Array([0, 0, 0, 42]), // trailing bytes
    ]
    for (const data of bad) {
      const client = new MemoryClient(room)
      await client.connect()
      client.send(data)
      expect(client.closed?.code).toBe(CloseCode.invalidPayload)
      expect(client.closed?.reason).toMatch(/malformed|truncated|unknown|trailing/)
    }
    await room.flush()
    expect(store.calls.append).toBe(appendsBefore)
    addCard(good.doc, { stage: 'engaging', title: 'still works' }, alice)
    await good.sync()
    expect(titles(room.doc)).toEqual(['still works'])
    expect(good.closed).toBeNull()
  })

  it('never applies, stores or relays a viewer’s change, and the viewer still sees live edits', async () => {
    const { room, store } = openRoom()
    const editor = new MemoryClient(room)
    const viewer = new MemoryClient(room)
    await editor.connect('editor')
    await viewer.connect('viewer')
    const appends = store.calls.append
    addCard(viewer.doc, { stage: 'engaging', title: 'sneaky' }, bob)
    await viewer.sync()
    await editor.sync()
    expect(titles(room.doc)).toEqual([])
    expect(titles(editor.doc)).toEqual([])
    expect(store.calls.append).toBe(appends)
    expect(viewer.closed).toBeNull()
    addCard(editor.doc, { stage: 'signed', title: 'real edit' }, alice)
    await viewer.sync()
    expect(titles(viewer.doc)).toContain('real edit')
    // Shown, and marked by the server as a viewer whatever the client claims.
    viewer.setPresence({ user: { name: 'manager' }, role: 'editor' })
    await editor.sync()
    expect(editor.awareness.getStates().get(viewer.doc.clientID)).toEqual({
      user: { name: 'manager' },
      role: 'viewer',
    })
  })

  it('tells a viewer whose copy holds a change the board lacks, and only then', async () => {
    const { room } = openRoom()
    const editor = new MemoryClient(room)
    await editor.connect('editor')
    const id = addCard(editor.doc, { stage: 'engaging', title: 'card', notes: '三期扩建' }, alice)
    editCard(editor.doc, id, { title: 'card, renamed' }, alice)
    await editor.sync()
    // A viewer's copy holding only what the board holds (deletions included) is no change, on
    // the first connect and on a reconnect.
    const viewer = new MemoryClient(room)
    await viewer.connect('viewer')
    viewer.leave()
    await viewer.connect('viewer')
    expect(viewer.refusals).toEqual([])
    // A deletion the board does not hold is a change, as is a new card.
    ;(getCardMap(viewer.doc, id).get('notes') as Y.Text).delete(0, 2)
    await viewer.sync()
    expect(viewer.refusals).toEqual([VIEWER_CHANGE_REFUSED])
    addCard(viewer.doc, { stage: 'engaging', title: 'sneaky' }, bob)
    await viewer.sync()
    expect(viewer.refusals).toEqual([VIEWER_CHANGE_REFUSED, VIEWER_CHANGE_REFUSED])
    expect(readCards(room.doc).map((c) => [c.title, c.notes])).toEqual([
      ['card, renamed', '三期扩建'],
    ])
    // An editor is never told so.
    expect(editor.refusals).toEqual([])
  })

  it('does not refuse a viewer whose copy predates a compaction and a reload of the board', async () => {
    const store = instrumentedStore()
    const { room } = testRoom(store)
    const editor = new MemoryClient(room)
    await editor.connect('editor')
    const id = addCard(editor.doc, { stage: 'engaging', title: 'draft', notes: '一期' }, alice)
    editCard(editor.doc, id, { title: '中科院声学所', notes: '一期 二期' }, alice)
    await editor.sync()
    const viewer = new MemoryClient(room)
    await viewer.connect('viewer')
    await room.compact()
    room.close(CloseCode.goingAway, 'unloaded')
    // The board comes back from its compacted state: deleted content is garbage-collected there.
    const stored = await store.load('software')
    const doc = new Y.Doc()
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    const reloaded = new Room({
      boardId: 'software',
      doc,
      store,
      log: silentLog,
      lastSeq: stored.lastSeq,
      compactedSeq: stored.throughSeq,
      compactEvery: 1000,
      onFailure: (error) => {
        throw error
      },
    })
    const again = new MemoryClient(reloaded)
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(viewer.doc))
    await again.connect('viewer')
    expect(again.refusals).toEqual([])
    expect(titles(again.doc)).toEqual(['中科院声学所'])
    reloaded.close(CloseCode.goingAway, 'test over')
  })

  it('with other instances, refuses a viewer only what storage lacks too', async () => {
    // Instance A stores a card; instance B, on the same storage, never hears of it (a lost
    // fan-out message). A viewer whose copy came from A then reconnects to B.
    const store = instrumentedStore()
    let storageDown = false
    const storeOfB: BoardStore = {
      ...store,
      since: (boardId, afterSeq) =>
        storageDown ? Promise.reject(new Error('down')) : store.since(boardId, afterSeq),
    }
    const { room: a } = testRoom(store)
    const editor = new MemoryClient(a)
    await editor.connect('editor')
    const stored = await store.load('software')
    const docB = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(docB, update)
    addCard(editor.doc, { stage: 'engaging', title: 'stored by A' }, alice)
    await editor.sync()
    const b = new Room({
      boardId: 'software',
      doc: docB,
      store: storeOfB,
      log: silentLog,
      lastSeq: stored.lastSeq,
      compactedSeq: 0,
      compactEvery: 1000,
      fanout: { publish: () => undefined, leave: async () => undefined },
      catchUpMs: 60_000,
      onFailure: (error) => {
        throw error
      },
    })
    const viewer = new MemoryClient(b)
    Y.applyUpdate(viewer.doc, Y.encodeStateAsUpdate(editor.doc))
    // While B cannot ask storage, it cannot tell: nothing is refused.
    storageDown = true
    await viewer.connect('viewer')
    expect(await b.catchUp()).toBe(false)
    await viewer.sync()
    expect(viewer.refusals).toEqual([])
    expect(titles(b.doc)).toEqual([])
    storageDown = false
    viewer.leave()
    await viewer.connect('viewer')
    await b.catchUp()
    await viewer.sync()
    expect(viewer.refusals).toEqual([])
    expect(titles(b.doc)).toEqual(['stored by A'])
    // What no instance stored is still refused.
    addCard(viewer.doc, { stage: 'engaging', title: 'sneaky' }, bob)
    await b.catchUp()
    await viewer.sync()
    expect(viewer.refusals).toEqual([VIEWER_CHANGE_REFUSED])
    expect(titles(b.doc)).toEqual(['stored by A'])
    b.close(CloseCode.goingAway, 'test over')
  })

  it('shares presence and removes a client’s presence when it leaves', async () => {
    const { room } = openRoom()
    const a = new MemoryClient(room)
    const b = new MemoryClient(room)
    await a.connect()
    await b.connect()
    a.setPresence({ user: { name: '王伟' }, editing: 'software-01' })
    await b.sync()
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({
      user: { name: '王伟' },
      editing: 'software-01',
      role: 'editor',
    })
    a.leave()
    await b.sync()
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false)
  })

  it('presence echoed back by other clients stays with its owner, and goes when the owner goes', async () => {
    const { room } = openRoom()
    const [a, b, c] = [new MemoryClient(room), new MemoryClient(room), new MemoryClient(room)]
    for (const client of [a, b, c]) await client.connect()
    a.setPresence({ user: { name: '王伟' } })
    await b.sync()
    await c.sync()
    // Standard y-websocket clients send every presence change they hear back to the server.
    b.send(awarenessMessage(b.awareness, [a.doc.clientID]))
    c.send(awarenessMessage(c.awareness, [a.doc.clientID]))
    b.leave()
    await c.sync()
    expect(c.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: '王伟' } })
    a.leave()
    await c.sync()
    expect(c.awareness.getStates().has(a.doc.clientID)).toBe(false)
  })

  it('closes every client when storage fails, so none believes an unstored edit is safe', async () => {
    const failures: unknown[] = []
    const { room, store } = openRoom(instrumentedStore(), failures)
    const a = new MemoryClient(room)
    const b = new MemoryClient(room)
    await a.connect()
    await b.connect()
    store.failNextAppend()
    addCard(a.doc, { stage: 'engaging', title: 'lost?' }, alice)
    await expect(room.flush()).rejects.toThrow('storage failed')
    expect(a.closed?.code).toBe(CloseCode.internalError)
    expect(b.closed?.code).toBe(CloseCode.internalError)
    b.handleInbox()
    expect(titles(b.doc)).toEqual([])
    expect(failures).toHaveLength(1)
  })

  it('compaction stores the merged state and drops the covered log', async () => {
    const { room, store } = openRoom()
    const a = new MemoryClient(room)
    await a.connect()
    addCard(a.doc, { stage: 'engaging', title: 'one' }, alice)
    addCard(a.doc, { stage: 'engaging', title: 'two' }, alice)
    await room.compact()
    const stored = await store.load('software')
    expect(stored.updates).toHaveLength(0)
    const replay = new Y.Doc()
    Y.applyUpdate(replay, stored.state as Uint8Array)
    expect(titles(replay)).toEqual(['one', 'two'])
  })
})
