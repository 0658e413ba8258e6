// Named snapshots over HTTP: take, list, read, what changed since, and restore (live, keeping a
// snapshot of what was replaced). Viewers may read but not take or restore.
import { describe, expect, it } from 'vitest'
import type { BoardDiff } from '../../shared/diff.js'
import { addCard, editCard, moveCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import type { Snapshot } from '../../shared/snapshot.js'
import type { SnapshotInfo } from '../../server/storage/snapshot-store.js'
import { testApp } from '../support/app.js'
import { alice } from '../support/board.js'

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('named snapshots over HTTP', () => {
  it('takes, lists, reads, compares with now, and restores', async () => {
    const { app, rooms } = testApp()
    const taken = await app.request(
      '/api/boards/software/snapshots',
      post({ name: '11月26日会前' }),
    )
    expect(taken.status).toBe(201)
    const info = (await taken.json()) as SnapshotInfo
    expect(info).toMatchObject({
      boardId: 'software',
      name: '11月26日会前',
      takenBy: 'local',
      automatic: false,
    })

    // The meeting changes the board.
    const { first, added } = await rooms.use('software', (room) => {
      const first = readCards(room.doc)[0]?.id as string
      moveCard(room.doc, first, { stage: 'operating', index: 0 }, alice)
      editCard(room.doc, first, { officer: '李娜' }, alice)
      const added = addCard(room.doc, { stage: 'signed', title: '新签约项目' }, alice)
      return { first, added }
    })

    const list = (await (await app.request('/api/boards/software/snapshots')).json()) as {
      snapshots: SnapshotInfo[]
    }
    expect(list.snapshots.map((s) => s.name)).toEqual(['11月26日会前'])

    const saved = (await (
      await app.request(`/api/boards/software/snapshots/${info.id}`)
    ).json()) as Snapshot
    expect(saved.format).toBe('sector-board/snapshot')
    expect(saved.cards.some((c) => c.id === added)).toBe(false)

    const diff = (await (
      await app.request(`/api/boards/software/snapshots/${info.id}/diff?to=now`)
    ).json()) as BoardDiff
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'moved', id: first, to: 'operating' }),
        expect.objectContaining({
          kind: 'changed',
          id: first,
          field: 'officer',
          before: '',
          after: '李娜',
        }),
        expect.objectContaining({ kind: 'added', id: added, title: '新签约项目' }),
      ]),
    )

    const restored = await app.request(`/api/boards/software/snapshots/${info.id}/restore`, {
      method: 'POST',
    })
    expect(restored.status).toBe(200)
    const cards = await rooms.use('software', (room) => readCards(room.doc))
    expect(cards.some((c) => c.id === added)).toBe(false)
    expect(cards.find((c) => c.id === first)?.placement.stage).not.toBe('operating')

    // What the restore replaced was kept, and the board now equals the snapshot again.
    const after = (await (await app.request('/api/boards/software/snapshots')).json()) as {
      snapshots: SnapshotInfo[]
    }
    expect(after.snapshots[0]).toMatchObject({
      name: 'before restoring "11月26日会前"',
      automatic: true,
    })
    const undone = (await (
      await app.request(
        `/api/boards/software/snapshots/${after.snapshots[0]?.id}/diff?to=${info.id}`,
      )
    ).json()) as BoardDiff
    expect(undone.changes.length).toBeGreaterThan(0)
    const now = (await (
      await app.request(`/api/boards/software/snapshots/${info.id}/diff?to=now`)
    ).json()) as BoardDiff
    expect(now.changes).toEqual([])
  })

  it('refuses a nameless snapshot and an unknown one, changing nothing', async () => {
    const { app } = testApp()
    const nameless = await app.request('/api/boards/marine/snapshots', post({ name: '  ' }))
    expect(nameless.status).toBe(400)
    expect(await nameless.json()).toMatchObject({
      error: { code: 'invalid-input', path: '$.name' },
    })
    const unknown = await app.request('/api/boards/marine/snapshots/snap_nope/restore', {
      method: 'POST',
    })
    expect(unknown.status).toBe(404)
    const list = (await (await app.request('/api/boards/marine/snapshots')).json()) as {
      snapshots: unknown[]
    }
    expect(list.snapshots).toEqual([])
  })
})
