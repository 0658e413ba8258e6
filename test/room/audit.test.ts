// The audit trail a room keeps from the updates it receives: the right person for each change,
// field by field with before and after, and typing in a text field merged into one entry.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addCard, archiveCard, editCard, moveCard } from '../../shared/ops/cards.js'
import type { AuditEntry } from '../../server/history/audit-store.js'
import { Room } from '../../server/room/room.js'
import { sqliteAuditStore } from '../../server/storage/sqlite-audit.js'
import { openSqliteDatabase } from '../../server/storage/sqlite.js'
import { alice, bob, testBoard } from '../support/board.js'
import { silentLog } from '../support/log.js'
import { MemoryClient } from '../support/memory-client.js'
import { instrumentedStore } from '../support/stores.js'

/** A room on the test board, as loaded from storage: `loaded` holds what was stored. */
function auditedRoom(loaded: Y.Doc = testBoard(1)) {
  const audit = sqliteAuditStore(openSqliteDatabase(':memory:'))
  let now = Date.parse('2026-11-26T09:00:00.000Z')
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(loaded))
  const room = new Room({
    boardId: 'software',
    doc,
    store: instrumentedStore(),
    log: silentLog,
    lastSeq: 0,
    compactedSeq: 0,
    compactEvery: 1000,
    audit,
    now: () => now,
    onFailure: () => undefined,
  })
  return { room, audit, advance: (ms: number) => (now += ms) }
}

const brief = (entries: AuditEntry[]) =>
  entries.map(({ field, before, after, actor }) => ({ field, before, after, actor })).reverse()

describe('audit trail', () => {
  it('names the person behind each change, with before and after', async () => {
    const { room, audit } = auditedRoom()
    const li = new MemoryClient(room)
    const wang = new MemoryClient(room)
    await li.connect('editor', '李娜')
    await wang.connect('editor', '王伟')
    const id = addCard(li.doc, { stage: 'engaging', title: '赛普克CAE云平台' }, alice)
    await wang.sync()
    moveCard(wang.doc, id, { stage: 'signed', index: 0 }, bob)
    editCard(wang.doc, id, { investment: '3.5', risk: 'at-risk' }, bob)
    await li.sync()
    archiveCard(li.doc, id, alice)
    await room.compact()
    expect(brief(await audit.query('software', { cardId: id }))).toEqual([
      { field: 'created', before: null, after: '赛普克CAE云平台', actor: '李娜' },
      { field: 'stage', before: 'engaging', after: 'signed', actor: '王伟' },
      { field: 'investment', before: null, after: '3.5', actor: '王伟' },
      { field: 'risk', before: 'on-track', after: 'at-risk', actor: '王伟' },
      { field: 'archived', before: false, after: true, actor: '李娜' },
    ])
    expect((await audit.query('software', { actor: '王伟' })).length).toBe(3)
  })

  it('records the first change to a card the board was loaded with, against its loaded values', async () => {
    const stored = testBoard(1)
    const id = addCard(stored, { stage: 'engaging', title: '青岛北斗数据中心' }, alice)
    const { room, audit } = auditedRoom(stored)
    const li = new MemoryClient(room)
    await li.connect('editor', '李娜')
    editCard(li.doc, id, { title: '青岛北斗数据中心二期', risk: 'blocked' }, alice)
    await room.compact()
    expect(brief(await audit.query('software', { cardId: id }))).toEqual([
      { field: 'risk', before: 'on-track', after: 'blocked', actor: '李娜' },
      // Typing in a text field stays open for merging until the room stores it (compact).
      { field: 'title', before: '青岛北斗数据中心', after: '青岛北斗数据中心二期', actor: '李娜' },
    ])
  })

  it('merges one person’s typing in a field into one entry, and starts anew after a pause', async () => {
    const { room, audit, advance } = auditedRoom()
    const li = new MemoryClient(room)
    await li.connect('editor', '李娜')
    const id = addCard(li.doc, { stage: 'engaging', title: 'x', notes: '' }, alice)
    for (const notes of ['会', '会议', '会议纪要']) {
      advance(2_000)
      editCard(li.doc, id, { notes }, alice)
    }
    advance(120_000)
    editCard(li.doc, id, { notes: '会议纪要（已更新）' }, alice)
    await li.sync()
    await room.compact()
    const notes = brief(await audit.query('software', { cardId: id })).filter(
      (e) => e.field === 'notes',
    )
    expect(notes).toEqual([
      { field: 'notes', before: '', after: '会议纪要', actor: '李娜' },
      { field: 'notes', before: '会议纪要', after: '会议纪要（已更新）', actor: '李娜' },
    ])
  })

  it('records nothing from a viewer or a refused update', async () => {
    const { room, audit } = auditedRoom()
    const viewer = new MemoryClient(room)
    await viewer.connect('viewer', '赵敏')
    addCard(viewer.doc, { stage: 'engaging', title: 'sneaky' }, bob)
    await viewer.sync()
    await room.compact()
    expect(await audit.query('software', {})).toEqual([])
  })
})
