// Bad input over real sockets: each refused clearly, while a good client keeps syncing.
import WebSocket from 'ws'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import type { RunningServer } from '../../server/server.js'
import { closeOf, joinBoard, rawSocket, type BoardClient } from '../support/clients.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const MAX_BYTES = 64 * 1024
let server: RunningServer
let good: BoardClient

beforeEach(async () => {
  server = await startTestServer(tempDataDir(), { MAX_MESSAGE_BYTES: String(MAX_BYTES) })
  good = await joinBoard(server.url, 'manufacturing')
})
afterEach(async () => {
  good.close()
  await server.close()
})

async function goodClientStillSyncs(title: string): Promise<void> {
  const other = await joinBoard(server.url, 'manufacturing')
  try {
    addCard(good.doc, { stage: 'engaging', title }, { actor: 'good' })
    await vi.waitFor(() => expect(readCards(other.doc).some((c) => c.title === title)).toBe(true))
  } finally {
    other.close()
  }
}

describe('refusals', () => {
  it('refuses an unknown board before the upgrade, with 404', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws/shipbuilding`)
    const status = await new Promise<number | undefined>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode))
      socket.once('open', () => resolve(undefined))
      socket.once('error', () => undefined)
    })
    expect(status).toBe(404)
    const http = await fetch(`${server.url}/api/boards/shipbuilding/snapshot`)
    expect(http.status).toBe(404)
    expect(await http.json()).toEqual({
      error: { code: 'unknown-board', message: 'no board "shipbuilding"' },
    })
    await goodClientStillSyncs('after unknown board')
  })

  it('closes a connection that sends garbage bytes, with a reason, and stores nothing', async () => {
    const before = (await (
      await fetch(`${server.url}/api/boards/manufacturing/snapshot`)
    ).json()) as object
    const socket = await rawSocket(server.url, 'manufacturing')
    const closed = closeOf(socket)
    socket.send(Buffer.from([0, 2, 5, 0xde, 0xad, 0xbe, 0xef, 0x00]))
    expect(await closed).toEqual({ code: 1007, reason: 'malformed document update' })

    const truncated = await rawSocket(server.url, 'manufacturing')
    const truncatedClosed = closeOf(truncated)
    truncated.send(Buffer.from([0, 2, 200, 1]))
    expect(await truncatedClosed).toEqual({ code: 1007, reason: 'truncated or malformed message' })

    const text = await rawSocket(server.url, 'manufacturing')
    const textClosed = closeOf(text)
    text.send('hello')
    expect((await textClosed).code).toBe(1003)

    const after = (await (
      await fetch(`${server.url}/api/boards/manufacturing/snapshot`)
    ).json()) as object
    expect({ ...after, takenAt: '' }).toEqual({ ...before, takenAt: '' })
    await goodClientStillSyncs('after garbage')
  })

  it('closes a connection that sends an oversized message (1009)', async () => {
    const socket = await rawSocket(server.url, 'manufacturing')
    const closed = closeOf(socket)
    socket.send(Buffer.alloc(MAX_BYTES + 1, 1))
    expect((await closed).code).toBe(1009)
    await goodClientStillSyncs('after oversized')
  })
})
