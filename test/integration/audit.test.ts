// The audit trail over a real server: two signed-in people edit one board over y-websocket, and
// the trail names the right person for each change (kept by the server, not told by clients).
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { accounts } from '../../server/access/accounts.js'
import { startTestServer, tempDataDir } from '../support/server.js'
import { createSqliteAccessStore } from '../../server/storage/sqlite-access.js'
import type { AuditEntry } from '../../server/history/audit-store.js'
import { addCard, editCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { joinBoardAs, PASSWORD, signIn } from '../support/access.js'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

describe('audit trail over a real server', () => {
  it('records the right user for each change made by two signed-in users', async () => {
    const dataDir = tempDataDir()
    const admin = createSqliteAccessStore(path.join(dataDir, 'sector-board.sqlite'))
    await accounts(admin).addUser('li', PASSWORD, '李娜')
    await accounts(admin).grant('li', 'software', 'editor')
    await accounts(admin).addUser('wang', PASSWORD, '王伟')
    await accounts(admin).grant('wang', 'software', 'editor')
    await admin.close()
    const server = await startTestServer(dataDir)
    cleanup.push(() => server.close())

    const liCookie = await signIn(server.url, 'li')
    const wangCookie = await signIn(server.url, 'wang')
    const li = await joinBoardAs(server.url, 'software', { cookie: liCookie })
    const wang = await joinBoardAs(server.url, 'software', { cookie: wangCookie })
    cleanup.push(
      () => li.close(),
      () => wang.close(),
    )

    // Clients may claim any actor in their own fields: the trail must not believe them.
    const id = addCard(
      li.doc,
      { stage: 'engaging', title: '海尔生命园' },
      { actor: 'someone else' },
    )
    await vi.waitFor(() => expect(readCards(wang.doc).some((c) => c.id === id)).toBe(true))
    editCard(wang.doc, id, { officer: '王伟', risk: 'blocked' }, { actor: 'li' })
    await vi.waitFor(() => expect(readCards(li.doc).find((c) => c.id === id)?.risk).toBe('blocked'))

    await vi.waitFor(async () => {
      const res = await fetch(`${server.url}/api/boards/software/audit?card=${id}`, {
        headers: { cookie: liCookie },
      })
      const { entries } = (await res.json()) as { entries: AuditEntry[] }
      expect(entries.map((e) => [e.field, e.actor]).reverse()).toEqual([
        ['created', '李娜'],
        ['officer', '王伟'],
        ['risk', '王伟'],
      ])
    })
    const byWang = await fetch(
      `${server.url}/api/boards/software/audit?actor=${encodeURIComponent('王伟')}`,
      {
        headers: { cookie: wangCookie },
      },
    )
    expect(((await byWang.json()) as { entries: AuditEntry[] }).entries).toHaveLength(2)
    const anonymous = await fetch(`${server.url}/api/boards/software/audit`)
    expect(anonymous.status).toBe(401)
  })
})
