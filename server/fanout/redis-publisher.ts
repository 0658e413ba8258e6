// Tells the instances holding a board about an update stored by a process that serves no board
// (the import CLI): the same channel and envelope as an instance's own fan-out (redis.ts), so each
// instance applies it live and relays it to its clients, or catches up on a gap, as for any other.
import { Redis } from 'ioredis'
import { randomUUID } from 'node:crypto'
import { encodeEnvelope } from './codec.js'
import { boardChannel } from './redis.js'

export interface StoredUpdatePublisher {
  /**
   * Publishes an update already stored as `seq`. Resolves with how many listeners got it: one
   * per instance holding (or loading) the board.
   */
  publish(boardId: string, seq: number, update: Uint8Array): Promise<number>
  close(): Promise<void>
}

/** Connects at once and rejects if Redis does not answer, so a caller can stop before storing. */
export async function connectStoredUpdatePublisher(options: {
  readonly url: string
  readonly prefix: string
}): Promise<StoredUpdatePublisher> {
  // One attempt, no queue: a publisher that cannot reach Redis fails now, not after retries.
  const redis = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  })
  // connect() and publish() reject with the error; without a listener it would also crash us.
  redis.on('error', () => undefined)
  try {
    await redis.connect()
  } catch (error) {
    redis.disconnect()
    throw error
  }
  // Never any instance's id, so no instance mistakes the update for its own echo.
  const sender = `publisher:${randomUUID()}`
  return {
    publish(boardId, seq, update) {
      const envelope = encodeEnvelope({ sender, message: { kind: 'update', seq, update } })
      return redis.publish(boardChannel(options.prefix, boardId), Buffer.from(envelope))
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
