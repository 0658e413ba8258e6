// The command-line tools on PostgreSQL (DATABASE_URL set): admin, import and export work on the
// shared database (import without Redis refuses while the server holds the board), db:migrate
// brings a schema up to date, and db:copy-sqlite moves a whole SQLite deployment so that boards,
// snapshots, sign-ins and sessions carry over.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { addCard } from '../../shared/ops/cards.js'
import { readCards } from '../../shared/read.js'
import { parseSnapshot } from '../../shared/snapshot.js'
import type { RunningServer } from '../../server/server.js'
import { createSqliteStorage } from '../../server/storage/create.js'
import { addUser, PASSWORD, signIn } from '../support/access.js'
import { runScript } from '../support/cli.js'
import { joinBoard } from '../support/clients.js'
import { content, edited } from '../support/edit-snapshot.js'
import { postgresAvailable, testSchema, type TestSchema } from '../support/postgres.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const up = await postgresAvailable()
const schemas: TestSchema[] = []
const servers: RunningServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})
afterAll(async () => {
  for (const s of schemas.splice(0)) await s.drop()
})

function freshSchema(): TestSchema {
  const s = testSchema()
  schemas.push(s)
  return s
}

async function serve(dataDir: string, env: Record<string, string> = {}) {
  const server = await startTestServer(dataDir, env)
  servers.push(server)
  return server
}

describe.skipIf(!up)('CLIs on PostgreSQL', () => {
  it('db:migrate creates and migrates the schema once; a second run changes nothing', async () => {
    const db = freshSchema()
    const first = await runScript('db-migrate', [], db.env)
    expect(first.stdout).toContain(`schema ${db.schema}: applied migration 1`)
    const second = await runScript('db-migrate', [], db.env)
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain('up to date')
    const none = await runScript('db-migrate', [], { DATABASE_URL: '' })
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('DATABASE_URL is not set')
  })

  it('admin adds a user, import replaces a board and export reads it, all in PostgreSQL', async () => {
    const db = freshSchema()
    const dataDir = tempDataDir()
    const env = { ...db.env, DATA_DIR: dataDir }
    const add = await runScript('admin', ['user', 'add', 'li', '--password-stdin'], env, PASSWORD)
    expect(add.code, add.stderr).toBe(0)
    expect((await runScript('admin', ['grant', 'li', 'software', 'editor'], env)).code).toBe(0)
    expect((await runScript('admin', ['user', 'list'], env)).stdout).toMatch(
      /li\t.*software:editor/,
    )

    const exported = await runScript('export', ['software'], env)
    expect(exported.code, exported.stderr).toBe(0)
    const changed = edited(parseSnapshot(JSON.parse(exported.stdout)))
    const file = path.join(dataDir, 'changed.json')
    fs.writeFileSync(file, JSON.stringify(changed))
    const imported = await runScript('import', [file, '--board', 'software'], env)
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stderr).not.toContain('warning')
    const again = await runScript('export', ['software'], env)
    expect(content(parseSnapshot(JSON.parse(again.stdout)))).toEqual(content(changed))
    // Nothing went to a SQLite file: a server on the same schema, elsewhere, sees it all.
    expect(fs.existsSync(path.join(dataDir, 'sector-board.sqlite'))).toBe(false)
    const server = await serve(tempDataDir(), db.env)
    const cookie = await signIn(server.url, 'li')
    const list = await fetch(`${server.url}/api/boards/software/snapshots`, { headers: { cookie } })
    const { snapshots } = (await list.json()) as { snapshots: { name: string }[] }
    expect(snapshots.map((s) => s.name)).toEqual(['before import of changed.json'])
  })

  it('without REDIS_URL, import refuses while the server on HOST:PORT holds the board, naming Redis as the way to reach it live', async () => {
    const db = freshSchema()
    const server = await serve(tempDataDir(), { ...db.env, ROOM_IDLE_MS: '600000' })
    // Read over HTTP, so the server holds the board.
    const marine = parseSnapshot(
      await (await fetch(`${server.url}/api/boards/marine/snapshot`)).json(),
    )
    const dataDir = tempDataDir()
    const file = path.join(dataDir, 'marine.json')
    fs.writeFileSync(file, JSON.stringify(edited(marine)))
    const refused = await runScript('import', [file, '--board', 'marine'], {
      ...db.env,
      DATA_DIR: dataDir,
      PORT: String(server.port),
    })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(
      /holds board marine in memory.*run this with their REDIS_URL and REDIS_PREFIX.*Nothing was changed/,
    )
    const list = await fetch(`${server.url}/api/boards/marine/snapshots`)
    expect(((await list.json()) as { snapshots: unknown[] }).snapshots).toEqual([])
    const now = parseSnapshot(
      await (await fetch(`${server.url}/api/boards/marine/snapshot`)).json(),
    )
    expect(content(now)).toEqual(content(marine))
  })

  it('db:copy-sqlite moves boards, snapshots, users and sessions; then refuses to copy again', async () => {
    // A real SQLite deployment: an edited board and a named snapshot (open mode), then a user
    // who signs in, so there is a live session to carry over.
    const sqliteDir = tempDataDir()
    const sqliteFile = path.join(sqliteDir, 'sector-board.sqlite')
    const before = await serve(sqliteDir)
    const writer = await joinBoard(before.url, 'marine')
    const id = addCard(writer.doc, { stage: 'engaging', title: '深远海养殖平台' }, { actor: 'w' })
    const watcher = await joinBoard(before.url, 'marine')
    await vi.waitFor(() => expect(readCards(watcher.doc).some((c) => c.id === id)).toBe(true))
    const took = await fetch(`${before.url}/api/boards/marine/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '迁移前 before the move' }),
    })
    expect(took.status).toBe(201)
    writer.close()
    watcher.close()
    await servers.pop()?.close()
    const storage = createSqliteStorage(sqliteFile)
    await addUser(storage.access, 'li', [['*', 'editor']])
    await storage.close()
    const sqliteServer = await serve(sqliteDir)
    const cookie = await signIn(sqliteServer.url, 'li')
    await servers.pop()?.close()

    const db = freshSchema()
    const copy = await runScript('db-copy-sqlite', ['--from', sqliteFile], db.env)
    expect(copy.code, copy.stderr).toBe(0)
    expect(copy.stdout).toMatch(/1 boards, 1 snapshots, \d+ audit entries, 1 users, 1 grants/)

    const server = await serve(tempDataDir(), db.env)
    const session = await fetch(`${server.url}/api/session`, { headers: { cookie } })
    expect(((await session.json()) as { user?: { name: string } }).user?.name).toBe('li')
    expect((await signIn(server.url, 'li')).length).toBeGreaterThan(0)
    const list = await fetch(`${server.url}/api/boards/marine/snapshots`, { headers: { cookie } })
    const { snapshots } = (await list.json()) as { snapshots: { name: string }[] }
    expect(snapshots.map((s) => s.name)).toEqual(['迁移前 before the move'])
    const csv = await fetch(`${server.url}/api/boards/marine/export.csv`, { headers: { cookie } })
    expect(await csv.text()).toContain('深远海养殖平台')

    const twice = await runScript('db-copy-sqlite', ['--from', sqliteFile], db.env)
    expect(twice.code).toBe(1)
    expect(twice.stderr).toContain('already holds boards, users or snapshots; nothing was copied')
  })
})
