// Importing a snapshot file over HTTP (POST /api/boards/<boardId>/import): a round trip of every
// field type and Chinese text, undone by the automatic snapshot; the caller in the audit trail;
// edits made while the file is checked are merged; bad files and oversized bodies change nothing.
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config.js'
import { prepareImportOffThread } from '../../server/history/import.js'
import type { SnapshotInfo } from '../../server/storage/snapshot-store.js'
import { createSqliteAccessStore } from '../../server/storage/sqlite-access.js'
import { parseExportFile } from '../../shared/export-format.js'
import { addCard, editCard } from '../../shared/ops/cards.js'
import type { Card } from '../../shared/schema.js'
import { parseSnapshot, type Snapshot } from '../../shared/snapshot.js'
import { addUser, cookieOf, PASSWORD } from '../support/access.js'
import { testApp } from '../support/app.js'
import { alice } from '../support/board.js'
import { content, edited } from '../support/edit-snapshot.js'

type App = ReturnType<typeof testApp>['app']

type Body = NonNullable<RequestInit['body']>

const json = (body: Body, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
})

async function exportOf(app: App, boardId: string, init?: RequestInit): Promise<Snapshot> {
  const res = await app.request(`/api/boards/${boardId}/snapshot`, init)
  expect(res.status).toBe(200)
  return parseSnapshot(await res.json())
}

async function snapshotsOf(app: App, boardId: string, init?: RequestInit) {
  const res = await app.request(`/api/boards/${boardId}/snapshots`, init)
  return ((await res.json()) as { snapshots: SnapshotInfo[] }).snapshots
}

interface ImportResponse {
  imported: { cards: number }
  savedBefore: SnapshotInfo
}

describe('import over HTTP', () => {
  it('round-trips every field type and Chinese text; the automatic snapshot undoes it', async () => {
    const access = createSqliteAccessStore(':memory:')
    await addUser(access, 'wangwei', [['marine', 'editor']])
    const { app } = testApp({ access })
    const signedIn = await app.request(
      '/api/session',
      json(JSON.stringify({ userName: 'wangwei', password: PASSWORD })),
    )
    const cookie = cookieOf(signedIn)
    const as = { headers: { cookie } }

    const original = await exportOf(app, 'marine', as)
    const changed = edited(original)
    const res = await app.request(
      '/api/boards/marine/import',
      json(JSON.stringify(changed), { cookie }),
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as ImportResponse
    expect(body.imported).toEqual({ cards: changed.cards.length })
    expect(body.savedBefore).toMatchObject({
      boardId: 'marine',
      name: `before import of ${changed.cards.length} cards`,
      takenBy: 'wangwei',
      automatic: true,
    })

    const after = await exportOf(app, 'marine', as)
    expect(content(after)).toEqual(content(changed))
    // A card in a stage the board no longer lists is kept, not dropped.
    expect(after.cards.find((c) => c.id === 'cli-orphan')?.placement.stage).toBe('removed-stage')

    // The audit trail names the caller for what the import changed.
    const first = changed.cards[0] as Card
    const audit = (await (
      await app.request(`/api/boards/marine/audit?card=${first.id}`, as)
    ).json()) as { entries: { field: string; actor: string; before: unknown; after: unknown }[] }
    expect(audit.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'company',
          actor: 'wangwei',
          before: original.cards[0]?.company,
          after: first.company,
        }),
        expect.objectContaining({ field: 'investment', actor: 'wangwei', after: '12.3456' }),
      ]),
    )

    // The board as it was is the automatic snapshot; restoring it undoes the import.
    const saved = await snapshotsOf(app, 'marine', as)
    expect(saved.map((s) => s.id)).toEqual([body.savedBefore.id])
    const restored = await app.request(
      `/api/boards/marine/snapshots/${body.savedBefore.id}/restore`,
      { method: 'POST', headers: { cookie } },
    )
    expect(restored.status).toBe(200)
    expect(content(await exportOf(app, 'marine', as))).toEqual(content(original))
  })

  it('takes the board out of an all-boards export file', async () => {
    const { app } = testApp()
    const all = parseExportFile(await (await app.request('/api/export')).json())
    const software = all.boards.find((b) => b.board.id === 'software') as Snapshot
    ;(software.cards[0] as Card).title = '从总导出文件导入'
    const res = await app.request('/api/boards/software/import', json(JSON.stringify(all)))
    expect(res.status).toBe(200)
    expect((await exportOf(app, 'software')).cards[0]?.title).toBe('从总导出文件导入')
    // Other boards in the file are left alone.
    expect(await snapshotsOf(app, 'marine')).toEqual([])
  })

  it('merges edits that arrive while the file is being checked', async () => {
    let concurrent: { added: string; editedId: string } | undefined
    const { app, rooms } = testApp({
      snapshotOptions: {
        // While the worker runs (its input already taken), someone adds a card and edits one.
        prepareImport: async (input) => {
          const prepared = prepareImportOffThread(input)
          concurrent = await rooms.use('marine', (room) => {
            const added = addCard(room.doc, { stage: 'signed', title: '导入期间新增' }, alice)
            const editedId = (original.cards[0] as Card).id
            editCard(room.doc, editedId, { officer: '导入期间修改' }, alice)
            return { added, editedId }
          })
          return prepared
        },
      },
    })
    const original = await exportOf(app, 'marine')
    const changed = edited(original)
    const res = await app.request('/api/boards/marine/import', json(JSON.stringify(changed)))
    expect(res.status).toBe(200)
    const { savedBefore } = (await res.json()) as ImportResponse
    const { added, editedId } = concurrent as NonNullable<typeof concurrent>

    // The card added meanwhile is kept next to the imported ones; the card the import replaced
    // shows the file's values (the concurrent edit went into the replaced card).
    const after = await exportOf(app, 'marine')
    expect(after.cards.find((c) => c.id === added)?.title).toBe('导入期间新增')
    expect(content({ ...after, cards: after.cards.filter((c) => c.id !== added) })).toEqual(
      content(changed),
    )
    expect(after.cards.find((c) => c.id === editedId)?.officer).toBe('王伟')

    // The automatic snapshot is of the board the import replaced, edits made meanwhile included.
    const before = parseSnapshot(
      await (await app.request(`/api/boards/marine/snapshots/${savedBefore.id}`)).json(),
    )
    expect(before.cards.find((c) => c.id === added)).toBeDefined()
    expect(before.cards.find((c) => c.id === editedId)?.officer).toBe('导入期间修改')
  })

  it('refuses bad files with the JSON path and what was expected; nothing changes', async () => {
    const { app } = testApp()
    const good = await exportOf(app, 'marine')
    const all = parseExportFile(await (await app.request('/api/export')).json())
    const bad = (change: (s: Record<string, unknown> & Snapshot) => void) => {
      const copy = structuredClone(good) as Record<string, unknown> & Snapshot
      change(copy)
      return JSON.stringify(copy)
    }
    const card = (s: Snapshot, i: number) => s.cards[i] as unknown as Record<string, unknown>
    const cases: [name: string, body: Body, path: string, message: RegExp][] = [
      ['not JSON', '{"format": "sector-board/snapshot", ', '$', /^not JSON: /],
      ['empty body', '', '$', /^not JSON: /],
      ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), '$', /^not UTF-8 text/],
      ['null', 'null', '$', /expected object/],
      ['an array', '[]', '$', /expected object/],
      ['wrong version', bad((s) => (s.version = 2 as 1)), '$.version', /expected 1/],
      [
        'wrong format',
        bad((s) => (s.format = 'trello' as 'sector-board/snapshot')),
        '$.format',
        /sector-board\/snapshot/,
      ],
      [
        'missing field',
        bad((s) => delete card(s, 0).risk),
        '$.cards[0].risk',
        /expected one of "on-track"\|"at-risk"\|"blocked"/,
      ],
      [
        'missing board',
        bad((s) => delete (s as Record<string, unknown>).board),
        '$.board',
        /expected object, received undefined/,
      ],
      [
        'wrong type (investment as a number)',
        bad((s) => (card(s, 1).investment = 3.5)),
        '$.cards[1].investment',
        /expected string, received number/,
      ],
      [
        'wrong type (tags as a string)',
        bad((s) => (card(s, 2).tags = '北斗')),
        '$.cards[2].tags',
        /expected array/,
      ],
      [
        'duplicate card ids',
        bad((s) => (card(s, 3).id = s.cards[1]?.id)),
        '$.cards[3].id',
        /duplicate card id/,
      ],
      [
        'duplicate stage ids',
        bad((s) => ((s.board.stages[1] as { id: string }).id = s.board.stages[0]?.id as string)),
        '$.board.stages[1].id',
        /duplicate stage id/,
      ],
      [
        "another board's snapshot",
        bad((s) => (s.board.id = 'software')),
        '$.board.id',
        /snapshot of board software, not marine: a snapshot imports only into its own board/,
      ],
      [
        'export file without the board',
        JSON.stringify({ ...all, boards: all.boards.filter((b) => b.board.id !== 'marine') }),
        '$.boards',
        /the export holds no snapshot of board marine/,
      ],
      [
        'export file with a bad card in another board',
        JSON.stringify({
          ...all,
          boards: all.boards.map((b, i) =>
            i === 2 ? { ...b, cards: [{ ...b.cards[0], title: 42 }] } : b,
          ),
        }),
        '$.boards[2].cards[0].title',
        /expected string, received number/,
      ],
    ]
    for (const [name, body, path, message] of cases) {
      const res = await app.request('/api/boards/marine/import', json(body))
      expect(res.status, name).toBe(400)
      const { error } = (await res.json()) as {
        error: { code: string; message: string; path: string }
      }
      expect(error.code, name).toBe('invalid-snapshot')
      expect(error.path, name).toBe(path)
      expect(error.message, name).toMatch(message)
      expect(error.message, name).toContain(`(at ${path})`)
    }

    // Not JSON by its Content-Type, and an unknown board.
    const plain = await app.request('/api/boards/marine/import', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(good),
    })
    expect(plain.status).toBe(415)
    expect(await plain.json()).toMatchObject({ error: { code: 'unsupported-media-type' } })
    const unknown = await app.request('/api/boards/shipbuilding/import', json('{}'))
    expect(unknown.status).toBe(404)

    // The board is exactly as it was (same document state), and no snapshot was taken.
    const now = await exportOf(app, 'marine')
    expect({ ...now, takenAt: '' }).toEqual({ ...good, takenAt: '' })
    expect(await snapshotsOf(app, 'marine')).toEqual([])
  })

  it('refuses a body over MAX_IMPORT_BYTES with 413 before parsing it', async () => {
    expect(readConfig({}).maxImportBytes).toBe(50 * 1024 * 1024)
    expect(readConfig({ MAX_IMPORT_BYTES: '1024' }).maxImportBytes).toBe(1024)
    expect(() => readConfig({ MAX_IMPORT_BYTES: '-1' })).toThrow(/MAX_IMPORT_BYTES/)

    const { app } = testApp({ maxImportBytes: 1024 })
    // Not JSON at all: a 400 would mean it was parsed.
    const declared = await app.request(
      '/api/boards/marine/import',
      json('x'.repeat(1025), { 'content-length': '1025' }),
    )
    expect(declared.status).toBe(413)
    expect(await declared.json()).toMatchObject({
      error: {
        code: 'too-large',
        message: expect.stringMatching(/1024 bytes \(MAX_IMPORT_BYTES\)/),
      },
    })

    // Without Content-Length the body is counted while it streams in; reading stops at the limit.
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        if (pulled > 100) controller.close()
        else controller.enqueue(new TextEncoder().encode('x'.repeat(600)))
      },
    })
    const streamed = await app.request('/api/boards/marine/import', {
      ...json(stream),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(pulled).toBeLessThan(10)

    // At the limit exactly, the body is read and checked.
    const atLimit = await app.request('/api/boards/marine/import', json('x'.repeat(1024)))
    expect(atLimit.status).toBe(400)
    expect(await snapshotsOf(app, 'marine')).toEqual([])
  })
})
