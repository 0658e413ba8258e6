// Frames the server builds itself must read as ordinary binary messages to a standard WebSocket
// client, at every length encoding (7-bit, 16-bit and 64-bit).
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { binaryFrame, sharedBinaryFrame } from '../../server/http/ws-frame.js'

const servers: WebSocketServer[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

/** A ws server on loopback whose first connection's raw socket is handed to the test. */
async function connectedPair(): Promise<{ raw: Duplex; client: WebSocket }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  servers.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  const raw = new Promise<Duplex>((resolve) =>
    server.once('connection', (_ws, request) => resolve(request.socket)),
  )
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
  await new Promise((resolve) => client.once('open', resolve))
  return { raw: await raw, client }
}

function payload(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256)
}

describe('binaryFrame', () => {
  it('is read by a ws client as the same binary message, whatever its length', async () => {
    const { raw, client } = await connectedPair()
    const lengths = [0, 1, 125, 126, 65_535, 65_536, 300_000]
    const received: Buffer[] = []
    const all = new Promise<void>((resolve) =>
      client.on('message', (data: Buffer, isBinary) => {
        expect(isBinary).toBe(true)
        received.push(data)
        if (received.length === lengths.length) resolve()
      }),
    )
    for (const length of lengths) raw.write(binaryFrame(payload(length)))
    await all
    expect(received.map((data) => data.byteLength)).toEqual(lengths)
    received.forEach((data, i) => expect(new Uint8Array(data)).toEqual(payload(lengths[i]!)))
    client.close()
  })

  it('frames a message once for a run of sends, and anew for the next message', () => {
    const first = payload(10)
    const second = payload(10)
    expect(sharedBinaryFrame(first)).toBe(sharedBinaryFrame(first))
    expect(sharedBinaryFrame(second)).not.toBe(sharedBinaryFrame(first))
    expect(sharedBinaryFrame(second)).toEqual(binaryFrame(second))
  })
})
