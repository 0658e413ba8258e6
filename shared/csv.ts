// A board's cards as CSV for spreadsheets: one row per card in board order, under a bilingual
// header. RFC 4180 quoting with CRLF line ends, a UTF-8 byte-order mark (so Excel reads the
// Chinese as UTF-8), and formula-like cells made inert. Export only: nothing imports CSV back.
import type { Card, Milestone } from './schema.js'
import type { Snapshot } from './snapshot.js'

/** Header cells are "中文 / key"; the key is the snapshot's field name, for scripts to map. */
const COLUMNS: readonly [zh: string, key: string, cell: (card: Card, stage: string) => string][] = [
  ['编号', 'id', (c) => c.id],
  ['名称', 'title', (c) => c.title],
  ['阶段', 'stage', (_c, stage) => stage],
  ['企业', 'company', (c) => c.company],
  ['投资额（亿元）', 'investment', (c) => c.investment ?? ''],
  ['建筑面积（平方米）', 'floorArea', (c) => (c.floorArea === null ? '' : String(c.floorArea))],
  ['负责人', 'officer', (c) => c.officer],
  ['截止日期', 'dueDate', (c) => c.dueDate ?? ''],
  ['风险', 'risk', (c) => c.risk],
  ['类型', 'kind', (c) => c.kind],
  ['标签', 'tags', (c) => c.tags.join(';')],
  ['里程碑', 'milestones', (c) => c.milestones.map(milestoneCell).join('; ')],
  ['备注', 'notes', (c) => c.notes],
  ['已归档', 'archived', (c) => String(c.archived)],
  ['创建时间', 'createdAt', (c) => c.createdAt],
  ['创建人', 'createdBy', (c) => c.createdBy],
  ['更新时间', 'updatedAt', (c) => c.updatedAt],
  ['更新人', 'updatedBy', (c) => c.updatedBy],
]

export const CSV_HEADER: readonly string[] = COLUMNS.map(([zh, key]) => `${zh} / ${key}`)

/** `title@date✓`: the date when there is one, the tick when done. */
function milestoneCell(m: Milestone): string {
  return `${m.title}${m.date === null ? '' : `@${m.date}`}${m.done ? '✓' : ''}`
}

// Cells a spreadsheet would evaluate as a formula (OWASP "CSV injection"): =, +, -, @, and a
// leading tab or carriage return. The full-width forms are a cheap precaution for text typed
// with a Chinese input method.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/

/** Makes a cell inert for spreadsheets (a leading `'`), then quotes it per RFC 4180. */
export function csvCell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',')
}

/** Every card of the snapshot (archived ones too, marked), with the stage named in both languages. */
export function cardsToCsv(snapshot: Snapshot): string {
  const stageNames = new Map(
    snapshot.board.stages.map((s) => [s.id, `${s.name.zh} / ${s.name.en}`]),
  )
  const rows = [csvRow(CSV_HEADER)]
  for (const card of snapshot.cards) {
    // A card may sit in a stage that was removed meanwhile: its id is all there is to show.
    const stage = stageNames.get(card.placement.stage) ?? card.placement.stage
    rows.push(csvRow(COLUMNS.map(([, , cell]) => cell(card, stage))))
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`
}
