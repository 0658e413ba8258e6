// A server-to-client WebSocket frame (RFC 6455 §5.2: FIN, binary opcode, unmasked) built once per
// message, so that relaying one update to a hundred peers costs a hundred plain socket writes
// rather than a hundred rounds of `ws` framing, corking and vectored writes.

const FIN_BINARY = 0x82

/** `payload` framed as one complete binary message. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  frame[0] = FIN_BINARY
  if (length < 126) frame[1] = length
  else if (length < 65_536) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(payload, headerLength)
  return frame
}

let lastPayload: Uint8Array | null = null
let lastFrame: Buffer | null = null

/**
 * The frame for `payload`, built once for a run of sends of the same message: a room relays one
 * message to all its peers in a row, so remembering the last one is enough.
 */
export function sharedBinaryFrame(payload: Uint8Array): Buffer {
  if (payload !== lastPayload || !lastFrame) {
    lastFrame = binaryFrame(payload)
    lastPayload = payload
  }
  return lastFrame
}
