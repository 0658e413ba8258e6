// Wire format of fan-out messages: a kind tag, the sender's instance id (so an instance ignores its
// own echoes), then the kind's fields. Binary, because updates are binary.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { FanoutMessage } from './fanout.js'

const KIND = { update: 0, awareness: 1, 'awareness-query': 2 } as const

export interface Envelope {
  readonly sender: string
  readonly message: FanoutMessage
}

export function encodeEnvelope({ sender, message }: Envelope): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, KIND[message.kind])
  encoding.writeVarString(encoder, sender)
  if (message.kind === 'update') {
    encoding.writeVarUint(encoder, message.seq)
    encoding.writeVarUint8Array(encoder, message.update)
  } else if (message.kind === 'awareness') {
    encoding.writeVarUint8Array(encoder, message.update)
  }
  return encoding.toUint8Array(encoder)
}

/** Throws on anything malformed; the caller drops such a message. */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  const decoder = decoding.createDecoder(bytes)
  const kind = decoding.readVarUint(decoder)
  const sender = decoding.readVarString(decoder)
  let message: FanoutMessage
  switch (kind) {
    case KIND.update: {
      const seq = decoding.readVarUint(decoder)
      message = { kind: 'update', seq, update: decoding.readVarUint8Array(decoder) }
      break
    }
    case KIND.awareness:
      message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
      break
    case KIND['awareness-query']:
      message = { kind: 'awareness-query' }
      break
    default:
      throw new Error(`unknown fan-out message kind ${kind}`)
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in fan-out message')
  return { sender, message }
}
