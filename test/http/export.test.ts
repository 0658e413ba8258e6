// Export over HTTP against a real server: a board's cards as CSV, every visible board as one
// JSON file (validated against its schema), flushed before reading, and guarded by access.
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { accounts } from '../../server/access/accounts.js'
import { loadBoardDoc } from '../../server/room/load.js'
import { createSqliteStore } from '../../server/storage/sqlite.js'
import { CSV_HEADER } from '../../shared/csv.js'
import { ExportSchema, parseExportFile } from '../../shared/export-format.js'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { SECTORS } from '../../shared/sectors.js'
import { parseSnapshot } from '../../shared/snapshot.js'
import { addUser, signIn } from '../support/access.js'
import { joinBoard } from '../support/clients.js'
import { serverPerTest } from '../support/server.js'

const { serve, clients } = serverPerTest()

describe('GET /api/boards/<id>/export.csv', () => {
  it('downloads the board as CSV with a BOM, holding a live edit that is already stored', async () => {
    const { server, dataDir } = await serve()
    const client = await joinBoard(server.url, 'marine')
    clients.push(client)
    addCard(
      client.doc,
      { id: 'live-1', stage: 'signed', title: '=深海, "live"', investment: '2.5' },
      { actor: 'li' },
    )
    let text = ''
    await vi.waitFor(async () => {
      const res = await fetch(`${server.url}/api/boards/marine/export.csv`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="marine.csv"')
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 BOM
      text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
      expect(text).toContain('live-1')
    })
    expect(text.startsWith(`\uFEFF${CSV_HEADER.join(',')}\r\n`)).toBe(true)
    expect(text).toContain(`\r\nlive-1,"'=深海, ""live""",签约落户 / Signed,,2.5,`)
    expect(text).toContain('中船重工青岛国际海洋装备科技城') // a seeded marine project

    // The room was flushed before the export: the edit is in the database already.
    const store = createSqliteStore(path.join(dataDir, 'sector-board.sqlite'))
    const { doc } = await loadBoardDoc(store, 'marine')
    await store.close()
    expect(readCards(doc).map((c) => c.id)).toContain('live-1')
  })

  it('answers an unknown board with a JSON 404', async () => {
    const { server } = await serve()
    const res = await fetch(`${server.url}/api/boards/shipbuilding/export.csv`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: 'unknown-board', message: 'no board "shipbuilding"' },
    })
  })
})

describe('GET /api/export', () => {
  it('returns every board in one file that validates against the export schema', async () => {
    const { server } = await serve()
    const res = await fetch(`${server.url}/api/export`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sector-boards-\d{4}-\d{2}-\d{2}\.json"$/,
    )
    const body: unknown = await res.json()
    expect(ExportSchema.safeParse(body).success).toBe(true)
    const file = parseExportFile(body)
    expect(file).toMatchObject({ format: 'sector-board/export', version: 1 })
    expect(file.boards.map((b) => b.board.id)).toEqual(SECTORS.map((s) => s.id))
    for (const snapshot of file.boards) {
      expect(parseSnapshot(snapshot)).toEqual(snapshot)
      expect(snapshot.cards.length).toBeGreaterThan(0)
    }
  })

  it('holds only the boards the caller may see; anonymous callers get 401', async () => {
    const { server } = await serve()
    await addUser(server.access, 'li', [
      ['marine', 'viewer'],
      ['software', 'editor'],
    ])
    await addUser(server.access, 'nogrant')
    const { token } = await accounts(server.access).createShareLink('biomedicine')

    const anonymous = await fetch(`${server.url}/api/export`)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } })
    const anonymousCsv = await fetch(`${server.url}/api/boards/marine/export.csv`)
    expect(anonymousCsv.status).toBe(401)

    const ids = async (headers: Record<string, string>, query = '') => {
      const res = await fetch(`${server.url}/api/export${query}`, { headers })
      expect(res.status).toBe(200)
      return parseExportFile(await res.json()).boards.map((b) => b.board.id)
    }
    const li = await signIn(server.url, 'li')
    expect(await ids({ cookie: li })).toEqual(['software', 'marine'])
    expect(await ids({ cookie: await signIn(server.url, 'nogrant') })).toEqual([])
    expect(await ids({}, `?token=${token}`)).toEqual(['biomedicine'])

    const csv = (board: string, headers: Record<string, string>, query = '') =>
      fetch(`${server.url}/api/boards/${board}/export.csv${query}`, { headers }).then(
        (r) => r.status,
      )
    expect(await csv('marine', { cookie: li })).toBe(200)
    expect(await csv('biomedicine', { cookie: li })).toBe(403)
    expect(await csv('biomedicine', {}, `?token=${token}`)).toBe(200) // a share link is a viewer
  })
})
