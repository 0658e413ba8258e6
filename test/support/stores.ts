// Store wrappers for room tests: count calls, hold appends until released, or fail on demand.
// They wrap the real SQLite store (in memory), so stored bytes are real.
import { createSqliteStore } from '../../server/storage/sqlite.js'
import type { BoardStore } from '../../server/storage/store.js'

export interface InstrumentedStore extends BoardStore {
  readonly calls: { load: number; append: number; compact: number }
  /** While held, appends wait until `release()`. */
  hold(): void
  release(): void
  failNextAppend(): void
}

export function instrumentedStore(
  inner: BoardStore = createSqliteStore(':memory:'),
): InstrumentedStore {
  const calls = { load: 0, append: 0, compact: 0 }
  let gate: Promise<void> | null = null
  let open: (() => void) | null = null
  let fail = false
  return {
    calls,
    hold() {
      gate = new Promise((resolve) => (open = resolve))
    },
    release() {
      open?.()
      gate = null
    },
    failNextAppend() {
      fail = true
    },
    async load(boardId) {
      calls.load++
      return inner.load(boardId)
    },
    since: (boardId, afterSeq) => inner.since(boardId, afterSeq),
    async append(boardId, update) {
      calls.append++
      if (gate) await gate
      if (fail) {
        fail = false
        throw new Error('disk full')
      }
      return inner.append(boardId, update)
    },
    async compact(boardId, state, throughSeq) {
      calls.compact++
      return inner.compact(boardId, state, throughSeq)
    },
    close: () => inner.close(),
  }
}
