// Fan-out over Redis pub/sub: one channel per board, one connection to publish and one to listen.
// Publishing never waits for a link that is down (messages are dropped, and the other instances
// recover them from storage); after the link comes back every room is told to catch up.
import { Redis } from 'ioredis'
import { randomUUID } from 'node:crypto'
import type { Logger } from '../log.js'
import { decodeEnvelope, encodeEnvelope } from './codec.js'
import type { Fanout, FanoutHandler, FanoutSubscription } from './fanout.js'

export interface RedisFanoutOptions {
  readonly url: string
  /** Prepended to every channel, so deployments (and test runs) sharing a Redis never mix. */
  readonly prefix: string
  readonly log: Logger
}

/** The Redis channel of a board's fan-out messages (also used by redis-publisher.ts). */
export function boardChannel(prefix: string, boardId: string): string {
  return `${prefix}board:${boardId}`
}

export function createRedisFanout({ url, prefix, log }: RedisFanoutOptions): Fanout {
  const instanceId = randomUUID()
  const channelOf = (boardId: string) => boardChannel(prefix, boardId)
  const handlers = new Map<string, Set<FanoutHandler>>()
  // Without an offline queue a publish on a lost link fails at once instead of piling up.
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  const subscriber = new Redis(url, { maxRetriesPerRequest: null })
  let linkLost = false

  for (const [role, connection] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    connection.on('error', (error: Error) =>
      log.debug({ role, err: error.message }, 'redis connection error'),
    )
  }
  subscriber.on('close', () => {
    if (!linkLost) log.warn('redis link lost; boards catch up from storage until it is back')
    linkLost = true
  })
  subscriber.on('ready', () => {
    if (linkLost) log.info('redis link back; rooms catch up from storage')
    linkLost = false
    // Anything published while we were not subscribed is recovered from storage.
    for (const set of handlers.values()) for (const handler of set) handler.resync()
  })
  subscriber.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
    const set = handlers.get(channel.toString())
    if (!set) return
    let envelope
    try {
      envelope = decodeEnvelope(payload)
    } catch (error) {
      log.warn({ channel: channel.toString(), err: error }, 'malformed fan-out message dropped')
      return
    }
    if (envelope.sender === instanceId) return
    for (const handler of set) {
      try {
        handler.message(envelope.message)
      } catch (error) {
        log.error({ channel: channel.toString(), err: error }, 'fan-out message handling failed')
      }
    }
  })

  return {
    async join(boardId, handler) {
      const channel = channelOf(boardId)
      let set = handlers.get(channel)
      if (!set) {
        set = new Set()
        handlers.set(channel, set)
      }
      set.add(handler)
      if (set.size === 1) {
        const subscribed = subscriber.subscribe(channel)
        // On a lost link the subscription is queued; the room catches up once it is made.
        if (subscriber.status === 'ready') await subscribed
        else subscribed.catch(() => undefined)
      }
      return {
        publish(message) {
          publisher
            .publish(channel, Buffer.from(encodeEnvelope({ sender: instanceId, message })))
            .catch((error: unknown) =>
              log.debug({ board: boardId, err: error }, 'fan-out publish failed'),
            )
        },
        async leave() {
          const current = handlers.get(channel)
          if (!current?.delete(handler) || current.size > 0) return
          handlers.delete(channel)
          await subscriber.unsubscribe(channel).catch(() => undefined)
        },
      } satisfies FanoutSubscription
    },
    async ping() {
      await publisher.ping()
    },
    async close() {
      handlers.clear()
      publisher.disconnect()
      subscriber.disconnect()
    },
  }
}
