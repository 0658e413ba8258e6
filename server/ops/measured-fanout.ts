// A Fanout decorator that counts what crosses to and from other instances, so operators see
// fan-out traffic and Redis outages (resyncs) without the fan-out knowing about metrics.
import type { Fanout } from '../fanout/fanout.js'
import type { Metrics } from './metrics.js'

export function measuredFanout(fanout: Fanout, metrics: Metrics): Fanout {
  return {
    async join(boardId, handler) {
      const subscription = await fanout.join(boardId, {
        message(message) {
          metrics.fanoutMessages.inc({ direction: 'received', kind: message.kind })
          handler.message(message)
        },
        resync() {
          metrics.fanoutResyncs.inc()
          handler.resync()
        },
      })
      return {
        publish(message) {
          metrics.fanoutMessages.inc({ direction: 'published', kind: message.kind })
          subscription.publish(message)
        },
        leave: () => subscription.leave(),
      }
    },
    ping: () => fanout.ping(),
    close: () => fanout.close(),
  }
}
