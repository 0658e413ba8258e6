// Access control over real sockets: upgrades refused before they happen, viewers who watch but
// never write, and live connections closed (1008) when their access is taken away.
import path from 'node:path'
import type WebSocket from 'ws'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { accounts } from '../../server/access/accounts.js'
import { readConfig } from '../../server/config.js'
import { startServer, type RunningServer } from '../../server/server.js'
import { createSqliteAccessStore } from '../../server/storage/sqlite-access.js'
import { createSqliteStore } from '../../server/storage/sqlite.js'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import {
  addUser,
  captureLog,
  joinBoardAs,
  PASSWORD,
  rawSocketAs,
  signIn,
  upgradeStatus,
  type CapturedLog,
} from '../support/access.js'
import type { BoardClient } from '../support/clients.js'
import { sample, scrape } from '../support/metrics.js'
import { tempDataDir, testEnv } from '../support/server.js'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

interface Served {
  readonly server: RunningServer
  /** Closes the server (once, however often called). */
  readonly stop: () => Promise<void>
  readonly captured: CapturedLog
  readonly dataDir: string
  /** Administers access through its own database connection, as the admin CLI does. */
  readonly admin: ReturnType<typeof accounts>
}

async function serve(): Promise<Served> {
  const dataDir = tempDataDir()
  const captured = captureLog()
  const server = await startServer(readConfig(testEnv(dataDir)), { log: captured.log })
  let stopped: Promise<void> | undefined
  const stop = () => (stopped ??= server.close())
  cleanup.push(stop)
  const other = createSqliteAccessStore(path.join(dataDir, 'sector-board.sqlite'))
  cleanup.push(() => other.close())
  return { server, stop, captured, dataDir, admin: accounts(other) }
}

function track<T extends BoardClient | WebSocket>(client: T): T {
  let done = false
  cleanup.push(() => {
    if (done) return
    done = true
    if ('provider' in client) client.close()
    else client.terminate()
  })
  return client
}

function closeOf(socket: WebSocket) {
  const seen: { close?: { code: number; reason: string } } = {}
  socket.once('close', (code, reason) => (seen.close = { code, reason: reason.toString() }))
  return seen
}

/** Within a few seconds: the server polls the access store every 2 s. */
const SOON = { timeout: 8_000, interval: 50 }

describe('access over real sockets', () => {
  it('refuses upgrades before they happen: anonymous 401, no grant 403, foreign origin 403', async () => {
    const { server } = await serve()
    expect(await upgradeStatus(server.url, 'marine')).toBe(101) // open mode, no users yet
    await addUser(server.access, 'li', [['marine', 'viewer']])
    await addUser(server.access, 'nogrant')
    const li = await signIn(server.url, 'li')
    const nogrant = await signIn(server.url, 'nogrant')

    expect(await upgradeStatus(server.url, 'marine')).toBe(401)
    expect(await upgradeStatus(server.url, 'marine', { token: 'made-up' })).toBe(401)
    expect(await upgradeStatus(server.url, 'marine', { cookie: nogrant })).toBe(403)
    expect(await upgradeStatus(server.url, 'software', { cookie: li })).toBe(403)
    expect(await upgradeStatus(server.url, 'marine', { cookie: li })).toBe(101)
    expect(
      await upgradeStatus(server.url, 'marine', { cookie: li, origin: 'http://evil.example' }),
    ).toBe(403)
    expect(await upgradeStatus(server.url, 'marine', { cookie: li, origin: server.url })).toBe(101)
  })

  it('viewers (grant or share link) see live edits; their own updates change nothing', async () => {
    const { server, stop, captured, dataDir } = await serve()
    await addUser(server.access, 'editor', [['*', 'editor']])
    await addUser(server.access, 'viewer', [['marine', 'viewer']])
    const { token } = await accounts(server.access).createShareLink('marine', { label: 'wall' })
    const editor = track(
      await joinBoardAs(server.url, 'marine', { cookie: await signIn(server.url, 'editor') }),
    )
    const viewer = track(
      await joinBoardAs(server.url, 'marine', { cookie: await signIn(server.url, 'viewer') }),
    )
    const wall = track(await joinBoardAs(server.url, 'marine', { token }))
    const has = (doc: Y.Doc, title: string) => readCards(doc).some((c) => c.title === title)

    addCard(editor.doc, { stage: 'engaging', title: 'editor card 1' }, { actor: 'editor' })
    await vi.waitFor(() =>
      expect(has(viewer.doc, 'editor card 1') && has(wall.doc, 'editor card 1')).toBe(true),
    )

    addCard(viewer.doc, { stage: 'engaging', title: 'viewer card' }, { actor: 'viewer' })
    addCard(wall.doc, { stage: 'engaging', title: 'wall card' }, { actor: 'wall' })
    await vi.waitFor(() =>
      expect(
        captured.messages().filter((m) => m === 'viewer tried to change the board; dropped'),
      ).toHaveLength(2),
    )
    // Operators see them too.
    expect(sample(await scrape(server.url), 'sector_board_viewer_writes_dropped_total')).toBe(2)
    // Anything relayed from the viewers would have reached the others before this later edit.
    addCard(editor.doc, { stage: 'engaging', title: 'editor card 2' }, { actor: 'editor' })
    await vi.waitFor(() =>
      expect(has(viewer.doc, 'editor card 2') && has(wall.doc, 'editor card 2')).toBe(true),
    )
    for (const doc of [editor.doc, wall.doc]) expect(has(doc, 'viewer card')).toBe(false)
    for (const doc of [editor.doc, viewer.doc]) expect(has(doc, 'wall card')).toBe(false)
    const inRoom = await server.rooms.use('marine', async (room) => {
      await room.flush()
      return readCards(room.doc).map((c) => c.title)
    })
    expect(inRoom).toContain('editor card 2')
    expect(inRoom).not.toContain('viewer card')
    expect(inRoom).not.toContain('wall card')

    await stop()
    const store = createSqliteStore(path.join(dataDir, 'sector-board.sqlite'))
    const stored = await store.load('marine')
    await store.close()
    const doc = new Y.Doc()
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    const titles = readCards(doc).map((c) => c.title)
    expect(titles).toEqual(expect.arrayContaining(['editor card 1', 'editor card 2']))
    expect(titles).not.toContain('viewer card')
    expect(titles).not.toContain('wall card')
    expect(captured.text()).not.toContain(PASSWORD)
  })

  it('revoking a share link, or letting it expire, closes its live connections (1008)', async () => {
    const { server, admin } = await serve()
    await addUser(server.access, 'editor', [['*', 'editor']])
    const revoked = await admin.createShareLink('marine')
    const expiring = await admin.createShareLink('*', { expiresInMs: 1_500 })
    const socket = track(await rawSocketAs(server.url, 'marine', { token: revoked.token }))
    const short = track(await rawSocketAs(server.url, 'software', { token: expiring.token }))
    const editor = track(
      await rawSocketAs(server.url, 'marine', { cookie: await signIn(server.url, 'editor') }),
    )
    const [closed, shortClosed, editorClosed] = [closeOf(socket), closeOf(short), closeOf(editor)]

    await admin.revokeShareLink(revoked.link.id)
    await vi.waitFor(
      () => expect(closed.close).toEqual({ code: 1008, reason: 'access revoked' }),
      SOON,
    )
    await vi.waitFor(
      () => expect(shortClosed.close).toEqual({ code: 1008, reason: 'access revoked' }),
      SOON,
    )
    expect(editorClosed.close).toBeUndefined()
    expect(await upgradeStatus(server.url, 'marine', { token: revoked.token })).toBe(401)
    expect(await upgradeStatus(server.url, 'software', { token: expiring.token })).toBe(401)
  })

  it('removing a grant or a user, or signing out, closes that person’s connections (1008)', async () => {
    const { server, admin } = await serve()
    await addUser(server.access, 'li', [['marine', 'viewer']])
    await addUser(server.access, 'wang', [['*', 'editor']])
    await addUser(server.access, 'zhao', [['*', 'editor']])
    await addUser(server.access, 'chen', [['*', 'editor']])
    const cookies = Object.fromEntries(
      await Promise.all(
        ['li', 'wang', 'zhao', 'chen'].map(async (n) => [n, await signIn(server.url, n)] as const),
      ),
    ) as Record<string, string>
    const open = async (name: string, board: string) => {
      const socket = track(await rawSocketAs(server.url, board, { cookie: cookies[name] }))
      return closeOf(socket)
    }
    const li = await open('li', 'marine')
    const wangMarine = await open('wang', 'marine')
    const wangSoftware = await open('wang', 'software')
    const zhao = await open('zhao', 'software')
    const chen = await open('chen', 'energy-materials')

    await admin.revoke('li', 'marine')
    await admin.grant('wang', 'marine', 'viewer') // editor → viewer on one board
    await admin.removeUser('zhao')
    await vi.waitFor(() => {
      expect(li.close).toEqual({ code: 1008, reason: 'access revoked' })
      expect(wangMarine.close).toEqual({ code: 1008, reason: 'access changed, reconnect' })
      expect(zhao.close).toEqual({ code: 1008, reason: 'access revoked' })
    }, SOON)
    expect(wangSoftware.close).toBeUndefined()
    expect(chen.close).toBeUndefined()
    expect(await upgradeStatus(server.url, 'marine', { cookie: cookies.li })).toBe(403)
    expect(await upgradeStatus(server.url, 'marine', { cookie: cookies.zhao })).toBe(401)

    const signOut = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie: cookies.chen as string },
    })
    expect(signOut.status).toBe(200)
    await vi.waitFor(() => expect(chen.close?.code).toBe(1008), SOON)
  })

  it('a socket naming a role it no longer has is told its access changed (1008); naming its own, it joins', async () => {
    const { server } = await serve()
    await addUser(server.access, 'li', [['marine', 'viewer']])
    const cookie = await signIn(server.url, 'li')
    // A page that was away while Li was made a viewer still believes Li edits.
    const stale = closeOf(
      track(await rawSocketAs(server.url, 'marine', { cookie, role: 'editor' })),
    )
    await vi.waitFor(
      () => expect(stale.close).toEqual({ code: 1008, reason: 'access changed, reconnect' }),
      SOON,
    )
    // Asked again, it names the role it now has: it joins and the board comes (sync step 1).
    const current = track(await rawSocketAs(server.url, 'marine', { cookie, role: 'viewer' }))
    const first = await new Promise<Buffer>((resolve) => current.once('message', resolve))
    expect([...first.subarray(0, 2)]).toEqual([0, 0])
    expect(current.readyState).toBe(current.OPEN)
  })

  it('creating the first user ends open mode, closing anonymous connections', async () => {
    const { server, admin } = await serve()
    const anonymous = closeOf(track(await rawSocketAs(server.url, 'biomedicine', {})))
    await admin.addUser('first', 'first-password')
    await vi.waitFor(
      () => expect(anonymous.close).toEqual({ code: 1008, reason: 'access revoked' }),
      SOON,
    )
    expect(await upgradeStatus(server.url, 'biomedicine')).toBe(401)
  })
})
