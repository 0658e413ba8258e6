// /metrics as an operator scrapes it: real server, real y-websocket clients and raw sockets.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import type { RunningServer } from '../../server/server.js'
import { closeOf, joinBoard, rawSocket } from '../support/clients.js'
import { sample, scrape } from '../support/metrics.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const MAX_BYTES = 64 * 1024
let server: RunningServer
let second: RunningServer

beforeAll(async () => {
  server = await startTestServer(tempDataDir(), { MAX_MESSAGE_BYTES: String(MAX_BYTES) })
  // Two servers in one process: each keeps its own registry, nothing clashes.
  second = await startTestServer(tempDataDir())
})
afterAll(async () => {
  await server.close()
  await second.close()
})

describe('/metrics', () => {
  it('serves Prometheus text with process metrics', async () => {
    const res = await fetch(`${server.url}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    expect(text).toContain('# TYPE sector_board_websocket_connections gauge')
    expect(text).toContain('process_cpu_seconds_total')
  })

  it('shows a busy event loop as utilization near 1, and an idle one near 0', async () => {
    const utilization = async () =>
      sample(await scrape(server.url), 'sector_board_event_loop_utilization')
    await utilization() // starts a fresh interval
    const busyUntil = performance.now() + 400
    while (performance.now() < busyUntil); // the test server shares this thread's event loop
    expect(await utilization()).toBeGreaterThan(0.7)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await utilization()).toBeLessThan(0.3)
  })

  it('counts connections, loaded rooms, stored updates, storage time and message sizes', async () => {
    const editor = await joinBoard(server.url, 'marine')
    try {
      addCard(editor.doc, { stage: 'engaging', title: 'counted' }, { actor: 'test' })
      await vi.waitFor(async () => {
        const s = await scrape(server.url)
        expect(sample(s, 'sector_board_websocket_connections', { role: 'editor' })).toBe(1)
        expect(sample(s, 'sector_board_rooms_loaded')).toBe(1)
        expect(sample(s, 'sector_board_updates_stored_total')).toBeGreaterThanOrEqual(1)
        const count = 'sector_board_storage_duration_seconds_count'
        expect(sample(s, count, { operation: 'load' })).toBe(1)
        expect(sample(s, count, { operation: 'append' })).toBeGreaterThanOrEqual(1)
        expect(sample(s, 'sector_board_message_bytes_count')).toBeGreaterThanOrEqual(2)
      })
    } finally {
      editor.close()
    }
    await vi.waitFor(async () => {
      const s = await scrape(server.url)
      expect(sample(s, 'sector_board_websocket_connections', { role: 'editor' })).toBe(0)
    })
    // The other server saw none of it.
    expect(sample(await scrape(second.url), 'sector_board_updates_stored_total')).toBe(0)
  })

  it('counts refusals by close code', async () => {
    const tooBig = await rawSocket(server.url, 'marine')
    const tooBigClosed = closeOf(tooBig)
    tooBig.send(Buffer.alloc(MAX_BYTES + 1))
    expect((await tooBigClosed).code).toBe(1009)

    const text = await rawSocket(server.url, 'marine')
    const textClosed = closeOf(text)
    text.send('hello')
    expect((await textClosed).code).toBe(1003)

    const garbage = await rawSocket(server.url, 'marine')
    const garbageClosed = closeOf(garbage)
    garbage.send(Buffer.from([0, 2, 5, 0xde, 0xad, 0xbe, 0xef, 0x00]))
    expect((await garbageClosed).code).toBe(1007)

    await vi.waitFor(async () => {
      const s = await scrape(server.url)
      const refused = 'sector_board_refused_messages_total'
      expect(sample(s, refused, { reason: 'too-large', code: '1009' })).toBe(1)
      expect(sample(s, refused, { reason: 'unsupported-data', code: '1003' })).toBe(1)
      expect(sample(s, refused, { reason: 'invalid-payload', code: '1007' })).toBe(1)
    })
  })
})
