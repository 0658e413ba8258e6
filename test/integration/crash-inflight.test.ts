// kill -9 of a real server while edits still stream in on several boards, with appends queued on
// its writer thread: every edit a watching client holds is there on restart. The clients live in
// this (busy) process and see relays late, so this is the end-to-end check; the precise one, that
// no append is lost in the instant after it resolved, is test/storage/sqlite-writer-crash.test.ts.
import { afterEach, describe, expect, it } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { joinBoard, type BoardClient } from '../support/clients.js'
import { killHard, startChildServer, tempDataDir, type ChildServer } from '../support/server.js'

const boards = ['biomedicine', 'software', 'marine']
const open: { clients: BoardClient[]; servers: ChildServer[]; timers: NodeJS.Timeout[] } = {
  clients: [],
  servers: [],
  timers: [],
}
afterEach(async () => {
  for (const t of open.timers.splice(0)) clearInterval(t)
  for (const c of open.clients.splice(0)) c.close()
  for (const s of open.servers.splice(0)) await killHard(s.child)
})

const join = async (url: string, board: string) => {
  const client = await joinBoard(url, board)
  open.clients.push(client)
  return client
}

describe('crash safety with writes in flight', () => {
  it('every edit a client saw survives SIGKILL mid-stream', { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir()
    const first = await startChildServer(dataDir)
    open.servers.push(first)
    const sides = await Promise.all(
      boards.map(async (board) => ({
        board,
        writers: [await join(first.url, board)],
        watcher: await join(first.url, board),
      })),
    )
    let n = 0
    for (const side of sides)
      for (const writer of side.writers)
        open.timers.push(
          setInterval(
            () => addCard(writer.doc, { stage: 'engaging', title: `卡 ${n++}` }, { actor: 'w' }),
            4,
          ),
        )
    // Let the stream run, then kill the moment the watcher hears of an edit: whatever it holds
    // then was relayed just now, with later appends still in flight.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const seen = await new Promise<string[][]>((resolve) =>
      sides[0]!.watcher.doc.once('update', () => {
        const ids = sides.map((side) => readCards(side.watcher.doc).map((c) => c.id))
        first.child.kill('SIGKILL')
        resolve(ids)
      }),
    )
    await killHard(first.child)
    for (const t of open.timers.splice(0)) clearInterval(t)
    for (const c of open.clients.splice(0)) c.close()
    expect(seen.flat().length).toBeGreaterThan(50)

    const second = await startChildServer(dataDir)
    open.servers.push(second)
    for (const [i, side] of sides.entries()) {
      const fresh = await join(second.url, side.board)
      const ids = new Set(readCards(fresh.doc).map((c) => c.id))
      const lost = seen[i]!.filter((id) => !ids.has(id))
      expect(lost).toEqual([])
    }
  })
})
