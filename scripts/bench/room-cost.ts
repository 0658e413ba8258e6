// Micro-measurement (not part of `npm run bench`): the CPU one board room spends per client edit,
// in process, without sockets: the same edits as scenario 1 (4 in 5 append to a card's notes, 1 in
// 5 adds a card) from 5 editors, relayed to 49 peers that only count bytes. Separates the room's
// own work (decode, apply, check, audit, merge, relay) from the network and the disk, whose costs
// swamp it in the full bench on a 2-core machine.
//   npx tsx scripts/bench/room-cost.ts [edits=3000] [--durable]
// --durable stores on a temp file (the SQLite writer thread, fsync per commit) instead of an
// in-memory database.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { cardsOf, stagesOf, textOf } from '../../shared/doc.js'
import { addCard, editCard } from '../../shared/ops/cards.js'
import { seedBoard } from '../../shared/seed/index.js'
import { createLogger } from '../../server/log.js'
import { encodeUpdate } from '../../server/room/protocol.js'
import type { Peer } from '../../server/room/peer.js'
import { Room } from '../../server/room/room.js'
import { createSqliteStorage } from '../../server/storage/create.js'

const args = process.argv.slice(2)
const edits = Number(args.find((a) => /^\d+$/.test(a)) ?? 3000)
const durable = args.includes('--durable')
const PEERS = 45
const EDITORS = 5

const dir = durable ? fs.mkdtempSync(path.join(os.tmpdir(), 'room-cost-')) : null
const storage = createSqliteStorage(dir ? path.join(dir, 'sector-board.sqlite') : ':memory:')
const doc = new Y.Doc()
seedBoard(doc, 'marine')
const room = new Room({
  boardId: 'marine',
  doc,
  store: storage.boards,
  audit: storage.audit,
  log: createLogger('silent'),
  lastSeq: 0,
  compactedSeq: 0,
  compactEvery: 500,
  onFailure: (error) => {
    throw error
  },
})

let bytesSent = 0
const peer = (): Peer => ({
  send: (data) => void (bytesSent += data.byteLength),
  close: () => undefined,
})
for (let i = 0; i < PEERS; i++) room.join(peer(), 'viewer')

const editors = Array.from({ length: EDITORS }, (_, e) => {
  const own = new Y.Doc()
  Y.applyUpdate(own, Y.encodeStateAsUpdate(doc))
  const self = peer()
  room.join(self, 'editor', `editor-${e}`)
  const frames: Uint8Array[] = []
  own.on('update', (update: Uint8Array) => frames.push(encodeUpdate(update)))
  return { own, self, frames, cards: [...cardsOf(own).keys()], tick: 0, ctx: { actor: `e${e}` } }
})
const stage = [...stagesOf(doc).keys()][0] as string

/** One editor's next edit, as the frames its client would send. */
function nextEdit(n: number): { peer: Peer; frames: Uint8Array[] } {
  const editor = editors[n % EDITORS]!
  editor.frames.length = 0
  if (editor.tick++ % 5 === 4)
    editor.cards.push(addCard(editor.own, { stage, title: `Bench ⟦${n}⟧` }, editor.ctx))
  else {
    const id = editor.cards[n % editor.cards.length] as string
    const notes = textOf(cardsOf(editor.own).get(id) as Y.Map<unknown>, 'notes').toString()
    editCard(editor.own, id, { notes: notes + `⟦${n}⟧` }, editor.ctx)
  }
  return { peer: editor.self, frames: [...editor.frames] }
}

// Prepared before the clock starts; each editor's edits build only on its own earlier ones, so
// they apply in any interleaving.
async function run(count: number): Promise<{ cpuUs: number; wallMs: number }> {
  const prepared = Array.from({ length: count }, (_, i) => nextEdit(i))
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  for (const edit of prepared) {
    for (const frame of edit.frames) room.receive(edit.peer, frame)
    await room.flush()
  }
  const cpu = process.cpuUsage(cpu0)
  return { cpuUs: cpu.user + cpu.system, wallMs: performance.now() - t0 }
}

await run(300) // warm-up
bytesSent = 0
const { cpuUs, wallMs } = await run(edits)
console.log(
  `${edits} edits, ${PEERS + EDITORS - 1} peers each, ${durable ? 'durable file' : 'in-memory'} store: ` +
    `${(cpuUs / edits).toFixed(0)} µs CPU per edit, ` +
    `${(cpuUs / edits / (PEERS + EDITORS - 1)).toFixed(2)} µs per delivered update; ` +
    `wall ${((wallMs * 1000) / edits).toFixed(0)} µs per edit; ${(bytesSent / edits).toFixed(0)} bytes sent per edit`,
)
room.close(1001, 'done')
await storage.close()
if (dir) fs.rmSync(dir, { recursive: true, force: true })
