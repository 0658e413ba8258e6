// A room on the real SQLite store whose writer thread fails: every client is closed with 1011
// and none receives the edit that could not be stored; later appends are refused too.
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { CloseCode } from '../../server/room/peer.js'
import { createSqliteStore } from '../../server/storage/sqlite.js'
import { alice } from '../support/board.js'
import { MemoryClient } from '../support/memory-client.js'
import { testRoom } from '../support/room.js'
import { tempDataDir } from '../support/server.js'

describe('room on a failing SQLite writer', () => {
  it('closes every client with 1011 and relays nothing unstored', async () => {
    const file = path.join(tempDataDir(), 'sector-board.sqlite')
    const store = createSqliteStore(file)
    const failures: unknown[] = []
    const { room } = testRoom(store, failures)
    const a = new MemoryClient(room)
    const b = new MemoryClient(room)
    await a.connect()
    await b.connect()
    addCard(a.doc, { stage: 'engaging', title: 'stored' }, alice)
    await room.flush()

    // Every later insert fails inside the writer's commit, as on a broken disk.
    const other = new Database(file)
    other.exec(`CREATE TRIGGER broken BEFORE INSERT ON board_update
                BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`)
    other.close()
    addCard(a.doc, { stage: 'engaging', title: 'lost' }, alice)
    await expect(room.flush()).rejects.toThrow('storage failed')
    expect(a.closed?.code).toBe(CloseCode.internalError)
    expect(b.closed?.code).toBe(CloseCode.internalError)
    b.handleInbox()
    expect(readCards(b.doc).map((c) => c.title)).toEqual(['stored'])
    expect(failures).toHaveLength(1)
    await expect(store.append('software', new Uint8Array([0, 0]))).rejects.toThrow(/disk on fire/)
    await store.close()
  })
})
