// A client flooding messages is cut off (1013, try again later) at MAX_MESSAGES_PER_SECOND; a client within the
// limit, and everyone else on the board, carry on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import type { RunningServer } from '../../server/server.js'
import { closeOf, joinBoard, rawSocket } from '../support/clients.js'
import { sample, scrape } from '../support/metrics.js'
import { startTestServer, tempDataDir } from '../support/server.js'

/** A query-awareness message: harmless, so only the count matters. */
const QUERY_AWARENESS = new Uint8Array([3])
let server: RunningServer

beforeEach(async () => {
  server = await startTestServer(tempDataDir(), { MAX_MESSAGES_PER_SECOND: '20' })
})
afterEach(() => server.close())

describe('message rate limit', () => {
  it('closes a flooding socket with 1013 and counts it; others carry on', async () => {
    const flood = await rawSocket(server.url, 'software')
    const closed = closeOf(flood)
    for (let i = 0; i < 50; i++) flood.send(QUERY_AWARENESS)
    expect(await closed).toEqual({ code: 1013, reason: 'too many messages, slow down' })
    const samples = await scrape(server.url)
    expect(
      sample(samples, 'sector_board_refused_messages_total', { code: '1013' }),
    ).toBeGreaterThanOrEqual(1)

    const writer = await joinBoard(server.url, 'software')
    const reader = await joinBoard(server.url, 'software')
    try {
      const id = addCard(writer.doc, { stage: 'engaging', title: '限流之后' }, { actor: 'w' })
      await vi.waitFor(() => expect(readCards(reader.doc).some((c) => c.id === id)).toBe(true))
    } finally {
      writer.close()
      reader.close()
    }
  })

  it('lets a socket within the limit keep going, second after second', async () => {
    const steady = await rawSocket(server.url, 'software')
    let closed = false
    steady.once('close', () => (closed = true))
    for (let second = 0; second < 3; second++) {
      for (let i = 0; i < 15; i++) steady.send(QUERY_AWARENESS)
      await new Promise((resolve) => setTimeout(resolve, 1_050))
    }
    expect(closed).toBe(false)
    steady.close()
  })
})
