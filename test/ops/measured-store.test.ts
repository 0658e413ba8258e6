// The storage decorator over the real SQLite store: every operation is timed under its name,
// stored updates are counted, failures are counted, and results pass through unchanged.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { measuredStore } from '../../server/ops/measured-store.js'
import { createMetrics, type Metrics } from '../../server/ops/metrics.js'
import { createSqliteStore } from '../../server/storage/sqlite.js'
import { parseExposition, sample } from '../support/metrics.js'

async function samples(metrics: Metrics) {
  return parseExposition(await metrics.registry.metrics())
}

describe('measuredStore', () => {
  it('times load, append, since and compact, and counts stored updates', async () => {
    const metrics = createMetrics({ roomsLoaded: () => 0 })
    const store = measuredStore(createSqliteStore(':memory:'), metrics)
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 'v')
    const update = Y.encodeStateAsUpdate(doc)

    expect((await store.load('marine')).updates).toEqual([])
    const seq = await store.append('marine', update)
    expect((await store.since('marine', 0)).updates).toHaveLength(1)
    await store.compact('marine', update, seq)
    expect((await store.load('marine')).throughSeq).toBe(seq)

    const s = await samples(metrics)
    const timed = (operation: string) =>
      sample(s, 'sector_board_storage_duration_seconds_count', { operation })
    expect([timed('load'), timed('append'), timed('since'), timed('compact')]).toEqual([2, 1, 1, 1])
    expect(sample(s, 'sector_board_updates_stored_total')).toBe(1)
    await store.close()
  })

  it('counts a failed operation and passes its error on', async () => {
    const metrics = createMetrics({ roomsLoaded: () => 0 })
    const store = measuredStore(createSqliteStore(':memory:'), metrics)
    await store.close()
    await expect(store.append('marine', new Uint8Array([0, 0]))).rejects.toThrow()
    const s = await samples(metrics)
    expect(sample(s, 'sector_board_storage_failures_total', { operation: 'append' })).toBe(1)
    expect(sample(s, 'sector_board_storage_duration_seconds_count', { operation: 'append' })).toBe(
      1,
    )
    expect(sample(s, 'sector_board_updates_stored_total')).toBe(0)
  })
})
