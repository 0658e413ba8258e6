// A single room on the small test board, for room-core tests: its failures are collected.
import * as Y from 'yjs'
import { Room } from '../../server/room/room.js'
import type { BoardStore } from '../../server/storage/store.js'
import { testBoard } from './board.js'
import { silentLog } from './log.js'

/** A room whose doc holds the three-stage test board, stored through the room like any change. */
export function testRoom<S extends BoardStore>(store: S, failures: unknown[] = []) {
  const doc = new Y.Doc()
  const room = new Room({
    boardId: 'software',
    doc,
    store,
    log: silentLog,
    lastSeq: 0,
    compactedSeq: 0,
    compactEvery: 1000,
    onFailure: (e) => failures.push(e),
  })
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(testBoard(1)))
  return { room, store, failures }
}
