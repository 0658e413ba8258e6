// Fan-out messages cross instances as bytes; anything malformed is refused, never half-read.
import { describe, expect, it } from 'vitest'
import { decodeEnvelope, encodeEnvelope } from '../../server/fanout/codec.js'
import type { FanoutMessage } from '../../server/fanout/fanout.js'

const messages: FanoutMessage[] = [
  { kind: 'update', seq: 123_456_789, update: new Uint8Array([1, 2, 3, 0, 255]) },
  { kind: 'awareness', update: new Uint8Array([9, 8, 7]) },
  { kind: 'awareness-query' },
]

describe('fan-out codec', () => {
  it.each(messages)('round-trips a $kind message with its sender', (message) => {
    expect(decodeEnvelope(encodeEnvelope({ sender: '实例-1', message }))).toEqual({
      sender: '实例-1',
      message,
    })
  })

  it('refuses unknown kinds, truncated messages and trailing bytes', () => {
    const update = encodeEnvelope({ sender: 'a', message: messages[0] as FanoutMessage })
    expect(() => decodeEnvelope(new Uint8Array([7, 1, 97]))).toThrow(/unknown/)
    expect(() => decodeEnvelope(update.subarray(0, update.length - 2))).toThrow()
    expect(() => decodeEnvelope(new Uint8Array([...update, 0]))).toThrow(/trailing/)
    expect(() => decodeEnvelope(new Uint8Array())).toThrow()
  })
})
