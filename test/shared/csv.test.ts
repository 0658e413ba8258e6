// CSV of a board's cards: BOM, bilingual header, CRLF, RFC 4180 quoting that a strict parser
// reads back exactly, and formula-like cells made inert for spreadsheets.
import { describe, expect, it } from 'vitest'
import { cardsToCsv, csvCell, CSV_HEADER } from '../../shared/csv.js'
import { addCard, archiveCard } from '../../shared/ops/cards.js'
import { toSnapshot, type Snapshot } from '../../shared/snapshot.js'
import { alice, testBoard } from '../support/board.js'

/** A strict RFC 4180 reader (CRLF records, "" inside quotes); throws on anything malformed. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  for (;;) {
    let cell = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted cell')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"'
            i += 2
          } else {
            i++
            break
          }
        } else cell += text[i++]
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`)
        cell += text[i++]
      }
    }
    row.push(cell)
    if (text[i] === ',') {
      i++
      continue
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
      if (i === text.length) return rows
      continue
    }
    throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i])}`)
  }
}

const TRICKY = {
  title: '青岛"蓝谷", 海洋 · Blue Valley, "phase 2"',
  company: 'Haier, Inc.',
  notes: '第一行\r\n第二行, with comma\nthird "line"',
  officer: '王伟',
}

function sample(): Snapshot {
  const doc = testBoard()
  addCard(
    doc,
    {
      id: 'tricky',
      stage: 'signed',
      ...TRICKY,
      investment: '12.3456',
      floorArea: 1500.5,
      dueDate: '2026-12-31',
      risk: 'at-risk',
      kind: 'platform',
      tags: ['北斗', 'chips'],
      milestones: [
        { id: 'm1', title: '签约', date: '2016-05-01', done: true },
        { id: 'm2', title: 'groundbreaking', date: null, done: false },
      ],
    },
    alice,
  )
  addCard(doc, { id: 'plain', stage: 'engaging', title: 'plain' }, alice)
  addCard(doc, { id: 'f-eq', stage: 'operating', title: '=HYPERLINK("http://x","y")' }, alice)
  addCard(doc, { id: 'f-plus', stage: 'operating', title: '+1+1', company: '@SUM(A1)' }, alice)
  addCard(doc, { id: 'f-minus', stage: 'operating', title: '-2+3', officer: '\tTAB' }, alice)
  const gone = addCard(doc, { id: 'gone', stage: 'engaging', title: 'archived one' }, alice)
  archiveCard(doc, gone, alice)
  return toSnapshot(doc, '2026-11-26T10:00:00.000Z')
}

const column = (name: string) => CSV_HEADER.findIndex((h) => h.endsWith(` / ${name}`))

describe('cardsToCsv', () => {
  it('starts with a BOM, has a bilingual header and CRLF line ends only', () => {
    const csv = cardsToCsv(sample())
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.startsWith('\uFEFF编号 / id,名称 / title,阶段 / stage,企业 / company,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    // Every bare LF is inside a quoted notes cell, never a record end.
    const rows = parseCsv(csv.slice(1))
    expect(rows[0]).toEqual([...CSV_HEADER])
    expect(CSV_HEADER.map((h) => h.split(' / ')[1])).toEqual([
      'id',
      'title',
      'stage',
      'company',
      'investment',
      'floorArea',
      'officer',
      'dueDate',
      'risk',
      'kind',
      'tags',
      'milestones',
      'notes',
      'archived',
      'createdAt',
      'createdBy',
      'updatedAt',
      'updatedBy',
    ])
    for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length)
  })

  it('lists every card in board order, archived ones marked', () => {
    const snapshot = sample()
    const rows = parseCsv(cardsToCsv(snapshot).slice(1)).slice(1)
    expect(rows.map((r) => r[0])).toEqual(snapshot.cards.map((c) => c.id))
    expect(rows.map((r) => r[0])).toEqual(['plain', 'gone', 'tricky', 'f-eq', 'f-plus', 'f-minus'])
    expect(rows.find((r) => r[0] === 'gone')?.[column('archived')]).toBe('true')
    expect(rows.find((r) => r[0] === 'plain')?.[column('archived')]).toBe('false')
  })

  it('round-trips Chinese text, commas, quotes and newlines through an RFC 4180 parser', () => {
    const rows = parseCsv(cardsToCsv(sample()).slice(1))
    const row = rows.find((r) => r[0] === 'tricky') as string[]
    const cell = (name: string) => row[column(name)]
    expect(cell('title')).toBe(TRICKY.title)
    expect(cell('company')).toBe(TRICKY.company)
    expect(cell('notes')).toBe(TRICKY.notes)
    expect(cell('officer')).toBe(TRICKY.officer)
    expect(cell('stage')).toBe('签约落户 / Signed')
    expect(cell('investment')).toBe('12.3456')
    expect(cell('floorArea')).toBe('1500.5')
    expect(cell('dueDate')).toBe('2026-12-31')
    expect(cell('risk')).toBe('at-risk')
    expect(cell('kind')).toBe('platform')
    expect(cell('tags')).toBe('北斗;chips')
    expect(cell('milestones')).toBe('签约@2016-05-01✓; groundbreaking')
    expect(cell('createdAt')).toBe(alice.at)
    expect(cell('createdBy')).toBe('alice')
  })

  it('leaves empty fields as empty cells (no investment is not 0)', () => {
    const rows = parseCsv(cardsToCsv(sample()).slice(1))
    const row = rows.find((r) => r[0] === 'plain') as string[]
    for (const name of ['investment', 'floorArea', 'dueDate', 'tags', 'milestones', 'notes'])
      expect(row[column(name)], name).toBe('')
    expect(cardsToCsv(sample())).toMatch(/\r\nplain,plain,对接洽谈 \/ Engaging,,,,,,on-track,/)
  })

  it("prefixes cells that begin with = + - @ (or tab / CR) with ' so they are never evaluated", () => {
    const csv = cardsToCsv(sample())
    const rows = parseCsv(csv.slice(1))
    const byId = (id: string) => rows.find((r) => r[0] === id) as string[]
    expect(byId('f-eq')[column('title')]).toBe(`'=HYPERLINK("http://x","y")`)
    expect(byId('f-plus')[column('title')]).toBe("'+1+1")
    expect(byId('f-plus')[column('company')]).toBe("'@SUM(A1)")
    expect(byId('f-minus')[column('title')]).toBe("'-2+3")
    expect(byId('f-minus')[column('officer')]).toBe("'\tTAB")
    // No cell of the file starts with a formula character once read back.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`)
  })

  it('quotes per RFC 4180 only where needed', () => {
    expect(csvCell('plain 中文')).toBe('plain 中文')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell('=1,2')).toBe(`"'=1,2"`)
    expect(csvCell('\rstart')).toBe(`"'\rstart"`)
    expect(csvCell('＝1+1')).toBe("'＝1+1")
    expect(csvCell('')).toBe('')
    expect(csvCell("'quoted already")).toBe("'quoted already")
  })

  it('names a stage that no longer exists by its id', () => {
    const snapshot = sample()
    const moved = {
      ...snapshot,
      board: { ...snapshot.board, stages: snapshot.board.stages.filter((s) => s.id !== 'signed') },
    }
    const rows = parseCsv(cardsToCsv(moved).slice(1))
    expect(rows.find((r) => r[0] === 'tricky')?.[column('stage')]).toBe('signed')
  })
})
