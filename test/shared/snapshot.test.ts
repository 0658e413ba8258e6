import fs from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addCard, archiveCard } from '../../shared/ops/cards.js'
import { setTarget } from '../../shared/ops/targets.js'
import { fromSnapshot, parseSnapshot, toSnapshot } from '../../shared/snapshot.js'
import { snapshotJsonSchema } from '../../shared/snapshot-json-schema.js'
import { alice, testBoard } from '../support/board.js'

const schemaFile = new URL('../../shared/snapshot.schema.json', import.meta.url)

function sampleBoard(): Y.Doc {
  const doc = testBoard()
  addCard(
    doc,
    { id: 'b', stage: 'signed', title: '汉源微电子产业园', investment: '0.5', tags: ['chips'] },
    alice,
  )
  addCard(
    doc,
    { id: 'a', stage: 'engaging', title: '日本发那科', company: 'FANUC', kind: 'project' },
    alice,
  )
  const gone = addCard(
    doc,
    {
      stage: 'engaging',
      title: 'archived one',
      milestones: [{ id: 'm', title: '签约', date: '2016-05-01', done: true }],
    },
    alice,
  )
  archiveCard(doc, gone, alice)
  setTarget(
    doc,
    {
      id: 'firms',
      label: { zh: '新增软件企业', en: 'New software companies' },
      unit: { zh: '家', en: 'companies' },
      target: 60,
      measure: { type: 'manual', current: null },
    },
    alice,
  )
  return doc
}

describe('snapshot format', () => {
  it('holds the board and every card, in board order', () => {
    const snapshot = toSnapshot(sampleBoard(), '2026-11-26T10:00:00.000Z')
    expect(snapshot).toMatchObject({
      format: 'sector-board/snapshot',
      version: 1,
      takenAt: '2026-11-26T10:00:00.000Z',
    })
    expect(snapshot.board.stages.map((s) => s.id)).toEqual(['engaging', 'signed', 'operating'])
    expect(snapshot.cards.map((c) => c.title)).toEqual([
      '日本发那科',
      'archived one',
      '汉源微电子产业园',
    ])
    expect(snapshot.cards[1]?.archived).toBe(true)
    expect(snapshot.board.targets[0]?.id).toBe('firms')
  })

  it('imports back into an identical board', () => {
    const original = toSnapshot(sampleBoard(), '2026-11-26T10:00:00.000Z')
    const copy = new Y.Doc()
    fromSnapshot(copy, JSON.parse(JSON.stringify(original)), { kind: 'import', actor: 'alice' })
    const again = toSnapshot(copy, original.takenAt)
    expect({ ...again, stateVector: '' }).toEqual({ ...original, stateVector: '' })
  })

  it('refuses bad JSON, naming the path, and changes nothing', () => {
    const doc = sampleBoard()
    const at = '2026-11-26T10:00:00.000Z'
    const before = toSnapshot(doc, at)
    const bad = structuredClone(before) as unknown as { cards: { investment: unknown }[] }
    const target = bad.cards[2]
    if (target) target.investment = 1.5
    expect(() => fromSnapshot(doc, bad, { kind: 'import', actor: 'a' })).toThrow(
      '$.cards[2].investment',
    )
    expect(() => parseSnapshot({ format: 'sector-board/snapshot', version: 2 })).toThrow(
      '$.version',
    )
    const badRank = structuredClone(before)
    if (badRank.cards[0]) badRank.cards[0].placement.rank = 'hello'
    expect(() => parseSnapshot(badRank)).toThrow('$.cards[0].placement.rank')
    expect(() =>
      parseSnapshot({ ...before, board: { ...before.board, schemaVersion: 99 } }),
    ).toThrow('$.board.schemaVersion')
    expect(toSnapshot(doc, at)).toEqual(before)
  })

  it('the committed JSON Schema file is the one derived from the code', () => {
    const committed = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as unknown
    expect(committed).toEqual(snapshotJsonSchema())
  })

  it('a real snapshot validates against the JSON Schema file, and a broken one does not', () => {
    const ajv = new Ajv2020({ allErrors: true })
    addFormats.default(ajv)
    // The pattern beside it in the schema does the real check; the format is a label for readers.
    ajv.addFormat('base64', /^[A-Za-z0-9+/]*={0,2}$/)
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object)
    const snapshot = toSnapshot(sampleBoard())
    expect(validate(snapshot), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...snapshot, cards: [{ ...snapshot.cards[0], risk: 'fine' }] })).toBe(false)
  })
})
