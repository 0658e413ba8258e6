// One client's session in a board room, independent of the transport: it holds messages that
// arrive while the room loads, and releases the room exactly once when the client goes.
import type { Role } from '../../shared/roles.js'
import type { Logger } from '../log.js'
import { CloseCode, type Peer } from './peer.js'
import type { Room } from './room.js'
import type { Rooms } from './rooms.js'

/** Messages held while a board loads; a client that floods before it has even joined is cut off. */
export const MAX_PENDING_MESSAGES = 256

export type Connection =
  | { state: 'joining'; pending: Uint8Array[] }
  | { state: 'joined'; room: Room }
  | { state: 'closed' }

export interface ConnectionHandle {
  receive(data: Uint8Array): void
  /** The transport closed. */
  closed(): void
}

export function openConnection(
  rooms: Rooms,
  boardId: string,
  peer: Peer,
  role: Role,
  log: Logger,
  actor = 'anonymous',
): ConnectionHandle {
  let connection: Connection = { state: 'joining', pending: [] }

  rooms.acquire(boardId).then(
    (room) => {
      if (connection.state !== 'joining') return rooms.release(room)
      const pending = connection.pending
      connection = { state: 'joined', room }
      room.join(peer, role, actor)
      for (const data of pending) room.receive(peer, data)
    },
    (error: unknown) => {
      log.error({ board: boardId, err: error }, 'board could not be loaded')
      if (connection.state === 'joining') peer.close(CloseCode.internalError, 'board unavailable')
      connection = { state: 'closed' }
    },
  )

  return {
    receive(data) {
      if (connection.state === 'joining') {
        connection.pending.push(data)
        if (connection.pending.length > MAX_PENDING_MESSAGES) {
          connection = { state: 'closed' }
          peer.close(CloseCode.policyViolation, 'too many messages before the board loaded')
        }
      } else if (connection.state === 'joined') connection.room.receive(peer, data)
    },
    closed() {
      if (connection.state === 'joined') {
        connection.room.leave(peer)
        rooms.release(connection.room)
      }
      connection = { state: 'closed' }
    },
  }
}
