// Pure codecs for the y-websocket wire protocol (y-protocols sync + awareness over lib0 framing).
// Every frame is one message: varUint type, then its body; see README "Wire protocol".
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { writePermissionDenied } from 'y-protocols/auth'
import * as Y from 'yjs'

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const

export type ClientMessage =
  | { readonly type: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-update'; readonly update: Uint8Array }
  | {
      readonly type: 'awareness'
      readonly update: Uint8Array
      readonly clients: AwarenessEntry[]
    }
  | { readonly type: 'query-awareness' }
  | { readonly type: 'auth' }

export class ProtocolError extends Error {
  override name = 'ProtocolError'
}

/**
 * Decodes and checks one client frame without touching any document. Throws ProtocolError for
 * truncated frames, unknown types, trailing bytes and updates Yjs cannot parse.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data)
  let message: ClientMessage
  try {
    message = readMessage(decoder)
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('truncated or malformed message')
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
  if (message.type === 'sync-update') checkUpdate(message.update)
  if (message.type === 'sync-step1') checkStateVector(message.stateVector)
  return message
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.sync: {
      const step = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (step === SyncStep.step1) return { type: 'sync-step1', stateVector: payload }
      if (step === SyncStep.step2 || step === SyncStep.update)
        return { type: 'sync-update', update: payload }
      throw new ProtocolError(`unknown sync step ${step}`)
    }
    case MessageType.awareness: {
      const update = decoding.readVarUint8Array(decoder)
      return { type: 'awareness', update, clients: awarenessEntries(update) }
    }
    case MessageType.queryAwareness:
      return { type: 'query-awareness' }
    case MessageType.auth:
      decoding.readVarUint(decoder)
      if (decoding.hasContent(decoder)) decoding.readVarString(decoder)
      return { type: 'auth' }
    default:
      throw new ProtocolError(`unknown message type ${type}`)
  }
}

/** A garbage update must be refused before it is applied: Yjs may half-apply one that throws. */
function checkUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update)
  } catch {
    throw new ProtocolError('malformed document update')
  }
}

/** One client's entry in an awareness update: whose presence, and its version (clock). */
export interface AwarenessEntry {
  readonly id: number
  readonly clock: number
}

/**
 * The clients an awareness update speaks for. Reads the whole update (varUint count, then per
 * client: varUint id, varUint clock, varString JSON state), so a malformed one is refused before
 * any part of it is applied.
 */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder)
      entries.push({ id, clock: decoding.readVarUint(decoder) })
      JSON.parse(decoding.readVarString(decoder))
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
    return entries
  } catch {
    throw new ProtocolError('malformed awareness update')
  }
}

/**
 * Re-encodes an awareness update with each announced state's `role` set by the server, so
 * everyone sees who is a viewer and nobody can claim a role they do not have. Removals (a null
 * state) pass unchanged. The update has already been checked by awarenessEntries.
 */
export function stampAwarenessRole(update: Uint8Array, role: string): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const encoder = encoding.createEncoder()
  const count = decoding.readVarUint(decoder)
  encoding.writeVarUint(encoder, count)
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder))
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder))
    const state = JSON.parse(decoding.readVarString(decoder)) as unknown
    const stamped =
      state !== null && typeof state === 'object' && !Array.isArray(state)
        ? { ...(state as Record<string, unknown>), role }
        : state
    encoding.writeVarString(encoder, JSON.stringify(stamped))
  }
  return encoding.toUint8Array(encoder)
}

function checkStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector)
  } catch {
    throw new ProtocolError('malformed state vector')
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, SyncStep.step1)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  return encoding.toUint8Array(encoder)
}

/** Sync step 2 carrying `update`: what the asking peer lacks (or the whole state). */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, SyncStep.step2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, SyncStep.update)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** y-protocols' auth "permission denied", the one auth message the server sends. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.auth)
  writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}
