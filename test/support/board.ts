// Small boards for tests: a doc with three stages, and helpers to sync docs like peers would.
import * as Y from 'yjs'
import { initBoard } from '../../shared/ops/board.js'
import { addStage } from '../../shared/ops/stages.js'
import type { OpContext } from '../../shared/origin.js'

// A fixed random source makes ranks predictable, so tests can produce exact rank ties.
export const alice: OpContext = { actor: 'alice', at: '2026-11-26T09:00:00.000Z', random: () => 0 }
export const bob: OpContext = { actor: 'bob', at: '2026-11-26T09:00:01.000Z', random: () => 0 }

export function testBoard(clientID?: number): Y.Doc {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  initBoard(doc, { id: 'software', name: { zh: '软件', en: 'Software' } }, { kind: 'seed' })
  const seed: OpContext = {
    actor: 'seed',
    at: '2026-01-01T00:00:00.000Z',
    origin: { kind: 'seed' },
  }
  addStage(doc, { id: 'engaging', name: { zh: '对接洽谈', en: 'Engaging' } }, seed)
  addStage(doc, { id: 'signed', name: { zh: '签约落户', en: 'Signed' } }, seed)
  addStage(doc, { id: 'operating', name: { zh: '投产运营', en: 'In operation' } }, seed)
  return doc
}

/** A second replica of `doc`, as a client that synced once would hold it. */
export function replicaOf(doc: Y.Doc, clientID?: number): Y.Doc {
  const copy = new Y.Doc()
  if (clientID !== undefined) copy.clientID = clientID
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** Exchanges everything both ways, as two peers reconnecting would. */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, fromA)
  Y.applyUpdate(a, fromB)
}
