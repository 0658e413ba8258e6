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
  return new RoomConnection(rooms, boardId, peer, role, log, actor)
}

/** A class rather than closures: thousands of idle connections each hold one, so it stays small. */
class RoomConnection implements ConnectionHandle {
  private connection: Connection = { state: 'joining', pending: [] }

  constructor(
    private readonly rooms: Rooms,
    boardId: string,
    private readonly peer: Peer,
    role: Role,
    log: Logger,
    actor: string,
  ) {
    rooms.acquire(boardId).then(
      (room) => {
        if (this.connection.state !== 'joining') return rooms.release(room)
        const pending = this.connection.pending
        this.connection = { state: 'joined', room }
        room.join(peer, role, actor)
        for (const data of pending) room.receive(peer, data)
      },
      (error: unknown) => {
        log.error({ board: boardId, err: error }, 'board could not be loaded')
        if (this.connection.state === 'joining')
          peer.close(CloseCode.internalError, 'board unavailable')
        this.connection = { state: 'closed' }
      },
    )
  }

  receive(data: Uint8Array): void {
    const connection = this.connection
    if (connection.state === 'joining') {
      connection.pending.push(data)
      if (connection.pending.length > MAX_PENDING_MESSAGES) {
        this.connection = { state: 'closed' }
        this.peer.close(CloseCode.tryAgainLater, 'too many messages before the board loaded')
      }
    } else if (connection.state === 'joined') connection.room.receive(this.peer, data)
  }

  closed(): void {
    if (this.connection.state === 'joined') {
      this.connection.room.leave(this.peer)
      this.rooms.release(this.connection.room)
    }
    this.connection = { state: 'closed' }
  }
}
