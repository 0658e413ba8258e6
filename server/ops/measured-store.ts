// A BoardStore decorator that times every storage operation and counts stored updates, so
// operators see storage latency and updates per second without the stores knowing about metrics.
import type { BoardStore } from '../storage/store.js'
import type { Metrics } from './metrics.js'

type Operation = 'load' | 'since' | 'append' | 'compact'

export function measuredStore(store: BoardStore, metrics: Metrics): BoardStore {
  async function timed<T>(operation: Operation, run: () => Promise<T>): Promise<T> {
    const stop = metrics.storageSeconds.startTimer({ operation })
    try {
      return await run()
    } catch (error) {
      metrics.storageFailures.inc({ operation })
      throw error
    } finally {
      stop()
    }
  }
  return {
    load: (boardId) => timed('load', () => store.load(boardId)),
    since: (boardId, afterSeq) => timed('since', () => store.since(boardId, afterSeq)),
    append: async (boardId, update) => {
      const seq = await timed('append', () => store.append(boardId, update))
      metrics.updatesStored.inc()
      return seq
    },
    compact: (boardId, state, throughSeq) =>
      timed('compact', () => store.compact(boardId, state, throughSeq)),
    close: () => store.close(),
  }
}
