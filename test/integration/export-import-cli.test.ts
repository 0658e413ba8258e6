// The export and import CLIs as people run them (node --import tsx scripts/….ts) against a temp
// DATA_DIR: JSON and CSV exports, an import round trip of every field type, a corpus of bad files
// that change nothing, and how an import behaves next to a running server.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/server.js'
import { sqliteAuditStore } from '../../server/storage/sqlite-audit.js'
import { sqliteSnapshotStore } from '../../server/storage/sqlite-snapshots.js'
import { createSqliteStore, openSqliteDatabase } from '../../server/storage/sqlite.js'
import { parseExportFile } from '../../shared/export-format.js'
import type { Card } from '../../shared/schema.js'
import { parseSnapshot, type Snapshot } from '../../shared/snapshot.js'
import { content, edited } from '../support/edit-snapshot.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const servers: RunningServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a script; PORT 0 means "no fixed server address", so import probes no server. */
function cli(
  script: 'export' | 'import',
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

async function exportBoard(dataDir: string, boardId: string): Promise<Snapshot> {
  const run = await cli('export', dataDir, [boardId])
  expect(run.code, run.stderr).toBe(0)
  return parseSnapshot(JSON.parse(run.stdout))
}

/** The board's named snapshots in the database, newest first. */
async function savedSnapshots(dataDir: string, boardId: string) {
  const db = openSqliteDatabase(path.join(dataDir, 'sector-board.sqlite'))
  try {
    const store = sqliteSnapshotStore(db)
    const infos = await store.list(boardId)
    return Promise.all(infos.map(async (info) => (await store.get(boardId, info.id))!))
  } finally {
    db.close()
  }
}

/** The board's audit trail as stored, newest first. */
async function auditTrail(dataDir: string, boardId: string) {
  const db = openSqliteDatabase(path.join(dataDir, 'sector-board.sqlite'))
  try {
    return await sqliteAuditStore(db).query(boardId, { limit: 1000 })
  } finally {
    db.close()
  }
}

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2))
  return file
}

/** The board's stored bytes: compacted state and every logged update. */
async function storedBytes(dataDir: string, boardId: string): Promise<Buffer> {
  const store = createSqliteStore(path.join(dataDir, 'sector-board.sqlite'))
  const stored = await store.load(boardId)
  await store.close()
  return Buffer.concat([stored.state ?? new Uint8Array(), ...stored.updates])
}

describe('export CLI', () => {
  it(
    'writes JSON to stdout, CSV to a file, all boards in one file',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDataDir()
      const [one, all, csv, unknown, allCsv] = await Promise.all([
        cli('export', dataDir, ['marine']),
        cli('export', dataDir, ['all']),
        cli('export', dataDir, ['software', '--format', 'csv', '--out', `${dataDir}/software.csv`]),
        cli('export', dataDir, ['shipbuilding']),
        cli('export', dataDir, ['all', '--format', 'csv']),
      ])
      expect(one.code, one.stderr).toBe(0)
      const snapshot = parseSnapshot(JSON.parse(one.stdout))
      expect(snapshot.board.id).toBe('marine')
      expect(snapshot.cards.length).toBeGreaterThan(0)
      // Nothing stored yet: the boards are exported as the server would seed them, and the export
      // does not create a database.
      expect(one.stderr).toMatch(/no database at .*exporting the boards as seeded/)

      expect(all.code, all.stderr).toBe(0)
      const file = parseExportFile(JSON.parse(all.stdout))
      expect(file.boards.map((b) => b.board.id)).toEqual([
        'tech-services',
        'software',
        'manufacturing',
        'biomedicine',
        'marine',
        'energy-materials',
      ])

      expect(csv.code, csv.stderr).toBe(0)
      expect(csv.stdout).toBe('')
      const bytes = fs.readFileSync(path.join(dataDir, 'software.csv'))
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(bytes.toString('utf8')).toMatch(/^\uFEFF编号 \/ id,名称 \/ title,.*\r\n/)

      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toMatch(/unknown board "shipbuilding"; the boards are tech-services,/)
      expect(allCsv.code).toBe(2)
      expect(allCsv.stderr).toMatch(/CSV holds one board/)
      expect(fs.existsSync(path.join(dataDir, 'sector-board.sqlite'))).toBe(false)
    },
  )
})

describe('import CLI', () => {
  it(
    'round-trips every field type and Chinese text; the backup undoes it',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDataDir()
      const original = await exportBoard(dataDir, 'marine')
      const changed = edited(original)
      const file = writeJson(dataDir, 'marine-edited.json', changed)

      const imported = await cli('import', dataDir, [file, '--board', 'marine'])
      expect(imported.code, imported.stderr).toBe(0)
      expect(imported.stdout).toMatch(
        /imported \d+ cards, 6 stages and \d+ targets? into board marine/,
      )
      const after = await exportBoard(dataDir, 'marine')
      expect(content(after)).toEqual(content(changed))
      // The board was never stored: to the audit trail, the CLI created every card.
      const created = await auditTrail(dataDir, 'marine')
      expect(new Set(created.map((e) => `${e.field} by ${e.actor}`))).toEqual(
        new Set(['created by cli']),
      )
      expect(created.map((e) => e.cardId).sort()).toEqual(after.cards.map((c) => c.id).sort())
      expect(after.cards.find((c) => c.id === 'cli-orphan')?.placement.stage).toBe('removed-stage')
      // Board order: the new card was ranked first in its stage; the orphan comes last.
      const engaging = after.cards.filter((c) => c.placement.stage === 'engaging')
      expect(engaging[0]?.id).toBe('cli-added')
      expect(after.cards.at(-1)?.id).toBe('cli-orphan')

      // Into a board that was never stored (a fresh database): the same cards and fields.
      const elsewhere = tempDataDir()
      const reimport = writeJson(elsewhere, 'marine.json', after)
      const second = await cli('import', elsewhere, [reimport, '--board', 'marine'])
      expect(second.code, second.stderr).toBe(0)
      const copy = await exportBoard(elsewhere, 'marine')
      expect(copy.cards).toEqual(after.cards) // same order too
      expect(copy.board).toEqual(after.board)

      // The board as it was before the import was saved; importing it restores the board.
      const backup = /saved in (.+\.json)$/m.exec(imported.stdout)?.[1] as string
      expect(imported.stdout).toContain(`to undo: npm run import -- ${backup} --board marine`)
      // …and also as an automatic named snapshot, which the server can restore.
      const [saved, ...others] = await savedSnapshots(dataDir, 'marine')
      expect(others).toEqual([])
      expect(saved?.info).toMatchObject({
        name: 'before import of marine-edited.json',
        takenBy: 'cli',
        automatic: true,
      })
      expect(imported.stdout).toContain(`"before import of marine-edited.json" (${saved?.info.id})`)
      expect(content(saved?.snapshot as Snapshot)).toEqual(content(original))
      const undo = await cli('import', dataDir, [backup, '--board', 'marine'])
      expect(undo.code, undo.stderr).toBe(0)
      expect(content(await exportBoard(dataDir, 'marine'))).toEqual(content(original))
      // The undo is recorded like any import: what changed on the stored board, by the CLI.
      const [firstCard, secondCard] = original.cards as [Card, Card]
      const undone = (await auditTrail(dataDir, 'marine')).slice(0, -created.length)
      const entryFor = (cardId: string, field: string) =>
        undone.find((e) => e.cardId === cardId && e.field === field)
      expect(entryFor(firstCard.id, 'company')).toMatchObject({
        actor: 'cli',
        before: '海尔集团 Haier',
        after: firstCard.company,
      })
      expect(entryFor(secondCard.id, 'archived')).toMatchObject({ before: true, after: false })
    },
  )

  it('takes a board out of an all-boards export file', { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir()
    const all = parseExportFile(JSON.parse((await cli('export', dataDir, ['all'])).stdout))
    const software = all.boards.find((b) => b.board.id === 'software') as Snapshot
    ;(software.cards[0] as Card).title = '从总导出文件导入'
    const file = writeJson(dataDir, 'all.json', all)
    const run = await cli('import', dataDir, [file, '--board', 'software'])
    expect(run.code, run.stderr).toBe(0)
    expect((await exportBoard(dataDir, 'software')).cards.map((c) => c.title)).toContain(
      '从总导出文件导入',
    )
  })

  it(
    'refuses bad files with the JSON path and what was expected; nothing changes',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDataDir()
      // Store the board first (an import of itself), so its bytes and state vector are fixed.
      const seeded = await exportBoard(dataDir, 'marine')
      const first = await cli('import', dataDir, [
        writeJson(dataDir, 'seeded.json', seeded),
        '--board',
        'marine',
      ])
      expect(first.code, first.stderr).toBe(0)
      const good = await exportBoard(dataDir, 'marine')
      const bytesBefore = await storedBytes(dataDir, 'marine')
      const exportBefore = (await cli('export', dataDir, ['marine'])).stdout
      const backupsBefore = fs.readdirSync(path.join(dataDir, 'backups'))
      const snapshotsBefore = (await savedSnapshots(dataDir, 'marine')).map((s) => s.info)
      expect(snapshotsBefore).toHaveLength(1)

      const bad = (change: (s: Record<string, unknown> & Snapshot) => void) => {
        const copy = structuredClone(good) as Record<string, unknown> & Snapshot
        change(copy)
        return copy
      }
      const card = (s: Snapshot, i: number) => s.cards[i] as unknown as Record<string, unknown>
      const exportFile = parseExportFile(JSON.parse((await cli('export', dataDir, ['all'])).stdout))
      const cases: [name: string, file: unknown, args: string[], message: RegExp][] = [
        ['not JSON', '{"format": "sector-board/snapshot", ', [], /not JSON: .*\(at \$\)$/m],
        ['empty file', '', [], /not JSON: .*\(at \$\)$/m],
        ['null', 'null', [], /expected object.*\(at \$\)$/m],
        ['wrong version', bad((s) => (s.version = 2 as 1)), [], /expected 1.*\(at \$\.version\)/],
        [
          'wrong format',
          bad((s) => (s.format = 'trello' as 'sector-board/snapshot')),
          [],
          /\(at \$\.format\)/,
        ],
        [
          'missing field',
          bad((s) => delete card(s, 0).risk),
          [],
          /expected one of "on-track"\|"at-risk"\|"blocked" \(at \$\.cards\[0\]\.risk\)/,
        ],
        [
          'missing text field',
          bad((s) => delete card(s, 4).company),
          [],
          /expected string, received undefined \(at \$\.cards\[4\]\.company\)/,
        ],
        [
          'missing board',
          bad((s) => delete (s as Record<string, unknown>).board),
          [],
          /expected object, received undefined \(at \$\.board\)/,
        ],
        [
          'wrong type (investment as a number)',
          bad((s) => (card(s, 1).investment = 3.5)),
          [],
          /expected string, received number \(at \$\.cards\[1\]\.investment\)/,
        ],
        [
          'wrong type (tags as a string)',
          bad((s) => (card(s, 2).tags = '北斗')),
          [],
          /expected array.*\(at \$\.cards\[2\]\.tags\)/,
        ],
        [
          'too many decimals',
          bad((s) => (card(s, 0).investment = '1.23456')),
          [],
          /at most 4 decimals.*\(at \$\.cards\[0\]\.investment\)/,
        ],
        [
          'impossible date',
          bad((s) => (card(s, 0).dueDate = '2026-02-30')),
          [],
          /\(at \$\.cards\[0\]\.dueDate\)/,
        ],
        [
          'duplicate card ids',
          bad((s) => (card(s, 3).id = s.cards[1]?.id)),
          [],
          /duplicate card id .*\(at \$\.cards\[3\]\.id\)/,
        ],
        [
          'rank with bad characters',
          bad((s) => (card(s, 0).placement = { stage: 'signed', rank: '!!' })),
          [],
          /fractional-indexing rank.*\(at \$\.cards\[0\]\.placement\.rank\)/,
        ],
        [
          'rank that is not a valid key',
          bad((s) => ((s.board.stages[1] as { rank: string }).rank = 'b')),
          [],
          /not a valid fractional-indexing rank \(at \$\.board\.stages\[1\]\.rank\)/,
        ],
        [
          'snapshot of another board',
          bad((s) => (s.board.id = 'software')),
          [],
          /snapshot of board software, not marine: a snapshot imports only into its own board.*\(at \$\.board\.id\)/,
        ],
        [
          'export file without the board',
          { ...exportFile, boards: exportFile.boards.filter((b) => b.board.id !== 'marine') },
          [],
          /the export holds no snapshot of board marine.*\(at \$\.boards\)/,
        ],
        [
          'export file with a bad card',
          {
            ...exportFile,
            boards: exportFile.boards.map((b, i) =>
              i === 2 ? { ...b, cards: [{ ...b.cards[0], title: 42 }] } : b,
            ),
          },
          [],
          /expected string, received number \(at \$\.boards\[2\]\.cards\[0\]\.title\)/,
        ],
        [
          'unknown target board',
          seeded,
          ['--board', 'shipbuilding'],
          /unknown board "shipbuilding"/,
        ],
      ]
      const runs = await Promise.all(
        cases.map(([name, value, args], i) => {
          const file = writeJson(dataDir, `bad-${i}.json`, value)
          return cli('import', dataDir, [
            file,
            ...(args.length ? args : ['--board', 'marine']),
          ]).then((run) => ({ name, run }))
        }),
      )
      runs.forEach(({ name, run }, i) => {
        expect(run.code, `${name}: ${run.stderr}`).toBe(1)
        expect(run.stderr, name).toMatch(cases[i]?.[3] as RegExp)
        expect(run.stdout, name).toBe('')
      })
      const missing = await cli('import', dataDir, [`${dataDir}/nope.json`, '--board', 'marine'])
      expect(missing.code).toBe(1)
      expect(missing.stderr).toMatch(/cannot read .*nope\.json/)
      const usage = await cli('import', dataDir, [`${dataDir}/bad-0.json`])
      expect(usage.code).toBe(2)
      expect(usage.stderr).toMatch(/--board <boardId> is required/)

      expect((await storedBytes(dataDir, 'marine')).equals(bytesBefore)).toBe(true)
      const exportAfter = (await cli('export', dataDir, ['marine'])).stdout
      const withoutTime = (text: string) => text.replace(/"takenAt": "[^"]+"/, '')
      expect(withoutTime(exportAfter)).toBe(withoutTime(exportBefore))
      expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual(backupsBefore)
      expect((await savedSnapshots(dataDir, 'marine')).map((s) => s.info)).toEqual(snapshotsBefore)
    },
  )

  it(
    'refuses while the server holds the board; otherwise the server loads the import later',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDataDir()
      // Rooms stay loaded well past the test, however slow the machine.
      const server = await startTestServer(dataDir, { ROOM_IDLE_MS: '600000' })
      servers.push(server)
      const port = String(server.port)
      const snapshotOf = async (boardId: string) =>
        parseSnapshot(await (await fetch(`${server.url}/api/boards/${boardId}/snapshot`)).json())

      // The server holds marine (just read): an import it would never see is refused.
      const marine = await snapshotOf('marine')
      const file = writeJson(dataDir, 'marine.json', {
        ...marine,
        cards: marine.cards.map((c, i) => (i === 0 ? { ...c, title: '不应导入' } : c)),
      })
      const bytesBefore = await storedBytes(dataDir, 'marine')
      const refused = await cli('import', dataDir, [file, '--board', 'marine'], { PORT: port })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(
        /the server at http:\/\/127\.0\.0\.1:\d+ holds board marine in memory.*Nothing was changed/,
      )
      expect((await storedBytes(dataDir, 'marine')).equals(bytesBefore)).toBe(true)
      expect((await snapshotOf('marine')).cards[0]?.title).toBe(marine.cards[0]?.title)

      // A board the server does not hold: imported, and the server shows it when it loads it.
      const software = await exportBoard(dataDir, 'software')
      const softwareFile = writeJson(dataDir, 'software.json', {
        ...software,
        cards: software.cards.map((c, i) => (i === 0 ? { ...c, title: '导入后加载' } : c)),
      })
      const done = await cli('import', dataDir, [softwareFile, '--board', 'software'], {
        PORT: port,
      })
      expect(done.code, done.stderr).toBe(0)
      expect(done.stderr).toMatch(/does not hold board software now/)
      expect((await snapshotOf('software')).cards[0]?.title).toBe('导入后加载')

      // No server answers on HOST:PORT, but the database is open elsewhere: a warning.
      const energy = await exportBoard(dataDir, 'energy-materials')
      const energyFile = writeJson(dataDir, 'energy.json', energy)
      const warned = await cli('import', dataDir, [energyFile, '--board', 'energy-materials'])
      expect(warned.code, warned.stderr).toBe(0)
      expect(warned.stderr).toMatch(/warning: another process has .* open/)
    },
  )
})
