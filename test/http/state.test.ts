// GET /api/boards/<id>/state and /view against a real server: the live board as one binary Yjs
// update that a fresh Y.Doc turns into the same board, and as a JSON snapshot of it; stored before
// they are served, revalidated by ETag, and guarded by access like the board's socket.
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { accounts } from '../../server/access/accounts.js'
import { loadBoardDoc } from '../../server/room/load.js'
import { createSqliteStore } from '../../server/storage/sqlite.js'
import { addCard, moveCard } from '../../shared/ops/cards.js'
import { readCards, readMeta, readStages } from '../../shared/read.js'
import { parseSnapshot, type Snapshot } from '../../shared/snapshot.js'
import { addUser, signIn } from '../support/access.js'
import { joinBoard } from '../support/clients.js'
import { serverPerTest } from '../support/server.js'

const { serve, clients } = serverPerTest()

/** The board a fresh Y.Doc holds after applying the route's answer. */
function boardOf(state: Uint8Array) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return { meta: readMeta(doc), stages: readStages(doc), cards: readCards(doc) }
}

describe('GET /api/boards/<id>/state', () => {
  it('holds the live board, edits included, and serves only what is already stored', async () => {
    const { server, dataDir } = await serve()
    const client = await joinBoard(server.url, 'marine')
    clients.push(client)
    addCard(client.doc, { id: 'live-1', stage: 'signed', title: '深海 live' }, { actor: 'li' })
    const first = readCards(client.doc)[0]!
    moveCard(client.doc, first.id, { stage: 'operating', index: 0 }, { actor: 'li' })

    const res = await vi.waitFor(async () => {
      const answer = await fetch(`${server.url}/api/boards/marine/state`)
      const board = boardOf(new Uint8Array(await answer.clone().arrayBuffer()))
      expect(board.cards.find((c) => c.id === first.id)?.placement.stage).toBe('operating')
      return answer
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/octet-stream')
    expect(res.headers.get('cache-control')).toBe('private, no-cache')
    const board = boardOf(new Uint8Array(await res.arrayBuffer()))
    expect(board).toEqual({
      meta: readMeta(client.doc),
      stages: readStages(client.doc),
      cards: readCards(client.doc),
    })
    expect(board.cards.find((c) => c.id === first.id)?.placement.stage).toBe('operating')

    const store = createSqliteStore(path.join(dataDir, 'sector-board.sqlite'))
    const { doc: stored } = await loadBoardDoc(store, 'marine')
    await store.close()
    expect(readCards(stored).map((c) => c.id)).toContain('live-1')
  })

  it('answers 304 to its own ETag until the board changes', async () => {
    const { server } = await serve()
    const url = `${server.url}/api/boards/software/state`
    const first = await fetch(url)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^".+"$/)
    const again = await fetch(url, { headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)

    const client = await joinBoard(server.url, 'software')
    clients.push(client)
    addCard(client.doc, { id: 'new-1', stage: 'signed', title: 'changed' }, { actor: 'li' })
    await vi.waitFor(async () => {
      const changed = await fetch(url, { headers: { 'if-none-match': etag! } })
      expect(changed.status).toBe(200)
      expect(changed.headers.get('etag')).not.toBe(etag)
      const cards = boardOf(new Uint8Array(await changed.arrayBuffer())).cards
      expect(cards.map((c) => c.id)).toContain('new-1')
    })
  })

  it('sends the same update gzipped to a client that accepts gzip, and plain to one that does not', async () => {
    const { server } = await serve()
    const url = `${server.url}/api/boards/software/state`
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    const bytes = new Uint8Array(await plain.arrayBuffer())
    const zipped = await fetch(url, { headers: { 'accept-encoding': 'gzip, br' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(bytes.length / 2)
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'))
    // fetch undoes the gzip: what arrives is the very same update.
    expect(new Uint8Array(await zipped.arrayBuffer())).toEqual(bytes)
    expect(boardOf(bytes).cards.length).toBeGreaterThan(0)
  })
})

describe('GET /api/boards/<id>/view', () => {
  it('holds the same board as the state, as a version-1 JSON snapshot', async () => {
    const { server } = await serve()
    const client = await joinBoard(server.url, 'marine')
    clients.push(client)
    addCard(client.doc, { id: 'live-1', stage: 'signed', title: '深海 view' }, { actor: 'li' })
    const res = await vi.waitFor(async () => {
      const answer = await fetch(`${server.url}/api/boards/marine/view`)
      const view = (await answer.clone().json()) as Snapshot
      expect(view.cards.map((c) => c.id)).toContain('live-1')
      return answer
    })
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('private, no-cache')
    const view = parseSnapshot(await res.json())
    const state = await fetch(`${server.url}/api/boards/marine/state`)
    const board = boardOf(new Uint8Array(await state.arrayBuffer()))
    expect(view.board).toMatchObject({ ...board.meta, stages: board.stages })
    expect(view.cards).toEqual(board.cards)
  })

  it('answers 304 to its own ETag until the board changes, and gzips for clients that accept it', async () => {
    const { server } = await serve()
    const url = `${server.url}/api/boards/software/view`
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    const etag = plain.headers.get('etag')
    const text = await plain.text()
    const zipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(text.length / 2)
    expect(await zipped.text()).toBe(text)
    const again = await fetch(url, {
      headers: { 'accept-encoding': 'identity', 'if-none-match': etag! },
    })
    expect(again.status).toBe(304)

    const client = await joinBoard(server.url, 'software')
    clients.push(client)
    addCard(client.doc, { id: 'new-1', stage: 'signed', title: 'changed' }, { actor: 'li' })
    await vi.waitFor(async () => {
      const changed = await fetch(url, {
        headers: { 'accept-encoding': 'identity', 'if-none-match': etag! },
      })
      expect(changed.status).toBe(200)
      const view = (await changed.json()) as Snapshot
      expect(view.cards.map((c) => c.id)).toContain('new-1')
    })
  })
})

describe.each(['state', 'view'])('GET /api/boards/<id>/%s: who may read it', (what) => {
  it('answers an unknown board with a JSON 404', async () => {
    const { server } = await serve()
    const res = await fetch(`${server.url}/api/boards/shipbuilding/${what}`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: 'unknown-board', message: 'no board "shipbuilding"' },
    })
  })

  it('lets viewers read, and refuses strangers, other boards and revoked access', async () => {
    const { server } = await serve()
    await addUser(server.access, 'viewer', [['marine', 'viewer']])
    await addUser(server.access, 'nogrant')
    const { token, link } = await accounts(server.access).createShareLink('biomedicine')
    const status = (board: string, headers: Record<string, string> = {}, query = '') =>
      fetch(`${server.url}/api/boards/${board}/${what}${query}`, { headers }).then((r) => r.status)

    const viewer = await signIn(server.url, 'viewer')
    expect(await status('marine', { cookie: viewer })).toBe(200)
    expect(await status('software', { cookie: viewer })).toBe(403)
    expect(await status('marine', { cookie: await signIn(server.url, 'nogrant') })).toBe(403)
    expect(await status('marine')).toBe(401)
    expect(await status('biomedicine', {}, `?token=${token}`)).toBe(200)
    expect(await status('marine', {}, `?token=${token}`)).toBe(403)

    await accounts(server.access).revoke('viewer', 'marine')
    expect(await status('marine', { cookie: viewer })).toBe(403)
    await accounts(server.access).revokeShareLink(link.id)
    expect(await status('biomedicine', {}, `?token=${token}`)).toBe(401)
  })
})
