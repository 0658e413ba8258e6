// SIGTERM as a process manager or orchestrator sends it: the server stores every room, tells every
// client "going away" (1001) with a reason, exits 0, and the edits are there after a restart.
import type { ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { joinBoard, type BoardClient } from '../support/clients.js'
import { killHard, startChildServer, tempDataDir, type ChildServer } from '../support/server.js'

const open: { clients: BoardClient[]; servers: ChildServer[] } = { clients: [], servers: [] }
afterEach(async () => {
  for (const c of open.clients.splice(0)) c.close()
  for (const s of open.servers.splice(0)) await killHard(s.child)
})

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}

/** The first close a y-websocket client sees (it would reconnect after it). */
function firstClose(client: BoardClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    client.provider.once('connection-close', (event: { code: number; reason: string } | null) =>
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' }),
    ),
  )
}

describe('SIGTERM', () => {
  it('closes clients with 1001, exits 0 and keeps every edit', { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir()
    const first = await startChildServer(dataDir)
    open.servers.push(first)
    const writer = await joinBoard(first.url, 'software')
    const watcher = await joinBoard(first.url, 'software')
    open.clients.push(writer, watcher)
    const id = addCard(writer.doc, { stage: 'engaging', title: '平稳重启' }, { actor: 'w' })
    await vi.waitFor(() => expect(readCards(watcher.doc).some((c) => c.id === id)).toBe(true))

    const closes = Promise.all([firstClose(writer), firstClose(watcher)])
    const exited = exitOf(first.child)
    first.child.kill('SIGTERM')
    expect(await exited).toEqual({ code: 0, signal: null })
    for (const close of await closes)
      expect(close).toEqual({ code: 1001, reason: expect.stringMatching(/./) })
    writer.provider.disconnect()
    watcher.provider.disconnect()

    const second = await startChildServer(dataDir)
    open.servers.push(second)
    const fresh = await joinBoard(second.url, 'software')
    open.clients.push(fresh)
    expect(readCards(fresh.doc).find((c) => c.id === id)?.title).toBe('平稳重启')
  })
})
