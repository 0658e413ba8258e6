import { describe, expect, it } from 'vitest'
import { metaOf, schemaVersionOf } from '../../shared/doc.js'
import { BoardError } from '../../shared/errors.js'
import { migrateDoc, type Migration } from '../../shared/migrate.js'
import { testBoard } from '../support/board.js'

describe('schema migration on load', () => {
  it('leaves a current document alone', () => {
    const doc = testBoard()
    expect(migrateDoc(doc)).toEqual([])
    expect(schemaVersionOf(doc)).toBe(1)
  })

  it('runs each step from the stored version up to the latest, tagged as migrations', () => {
    const doc = testBoard()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr) => origins.push(tr.origin))
    const steps: Migration[] = [
      { from: 1, migrate: (d) => metaOf(d).set('note', 'v2') },
      { from: 2, migrate: (d) => metaOf(d).set('note', `${String(metaOf(d).get('note'))}+v3`) },
    ]
    expect(migrateDoc(doc, steps, 3)).toEqual([1, 2])
    expect(schemaVersionOf(doc)).toBe(3)
    expect(metaOf(doc).get('note')).toBe('v2+v3')
    expect(origins).toEqual([
      { kind: 'migration', from: 1, to: 2 },
      { kind: 'migration', from: 2, to: 3 },
    ])
  })

  it('refuses a document newer than this code, or with no migration path, changing nothing', () => {
    const doc = testBoard()
    metaOf(doc).set('schemaVersion', 9)
    expect(() => migrateDoc(doc)).toThrow(BoardError)
    expect(() => migrateDoc(doc)).toThrow('newer')
    const old = testBoard()
    expect(() => migrateDoc(old, [], 2)).toThrow('no migration from schema 1')
    expect(schemaVersionOf(old)).toBe(1)
  })
})
