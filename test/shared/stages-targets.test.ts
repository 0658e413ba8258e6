import { describe, expect, it } from 'vitest'
import {
  addStage,
  moveStage,
  removeStage,
  renameStage,
  setWipLimit,
} from '../../shared/ops/stages.js'
import { removeTarget, setTarget } from '../../shared/ops/targets.js'
import { addCard, archiveCard, moveCard } from '../../shared/ops/cards.js'
import { readCards, readStages, readTargets, targetProgress } from '../../shared/read.js'
import { alice, testBoard } from '../support/board.js'

describe('stage operations', () => {
  it('adds, renames, reorders stages and sets WIP limits', () => {
    const doc = testBoard()
    addStage(doc, { id: 'completed', name: { zh: '竣工', en: 'Completed' }, index: 2 }, alice)
    expect(readStages(doc).map((s) => s.id)).toEqual([
      'engaging',
      'signed',
      'completed',
      'operating',
    ])
    renameStage(doc, 'signed', { zh: '已签约', en: 'Contract signed' }, alice)
    moveStage(doc, 'operating', 0, alice)
    setWipLimit(doc, 'engaging', 5, alice)
    expect(readStages(doc).map((s) => [s.id, s.name.en, s.wipLimit])).toEqual([
      ['operating', 'In operation', null],
      ['engaging', 'Engaging', 5],
      ['signed', 'Contract signed', null],
      ['completed', 'Completed', null],
    ])
  })

  it('removes a stage only once no card is in it', () => {
    const doc = testBoard()
    const id = addCard(doc, { stage: 'signed', title: 'still here' }, alice)
    archiveCard(doc, id, alice)
    expect(() => removeStage(doc, 'signed', alice)).toThrow('still holds 1 card')
    expect(readStages(doc).map((s) => s.id)).toContain('signed')
    moveCard(doc, id, { stage: 'engaging', index: 0 }, alice)
    removeStage(doc, 'signed', alice)
    expect(readStages(doc).map((s) => s.id)).toEqual(['engaging', 'operating'])
  })

  it('refuses bad stage input', () => {
    const doc = testBoard()
    expect(() => renameStage(doc, 'signed', { zh: '签约' }, alice)).toThrow(/en/)
    expect(() => setWipLimit(doc, 'signed', 0, alice)).toThrow()
    expect(() => moveStage(doc, 'ghost', 0, alice)).toThrow('no stage ghost')
    expect(readStages(doc).map((s) => s.name.en)).toEqual(['Engaging', 'Signed', 'In operation'])
  })
})

describe('target operations', () => {
  it('sets, replaces and removes targets, keeping their order', () => {
    const doc = testBoard()
    const unit = { zh: '个', en: 'projects' }
    setTarget(
      doc,
      {
        id: 'new-firms',
        label: { zh: '新增企业', en: 'New companies' },
        unit,
        target: 60,
        measure: { type: 'manual', current: null },
      },
      alice,
    )
    setTarget(
      doc,
      {
        id: 'live',
        label: { zh: '投产项目', en: 'Operating projects' },
        unit,
        target: 10,
        measure: { type: 'count-cards', stages: ['operating'] },
      },
      alice,
    )
    setTarget(
      doc,
      {
        id: 'new-firms',
        label: { zh: '新增企业', en: 'New companies' },
        unit,
        target: 60,
        measure: { type: 'manual', current: 12 },
      },
      alice,
    )
    expect(readTargets(doc).map((t) => t.id)).toEqual(['new-firms', 'live'])
    expect(readTargets(doc)[0]?.measure).toEqual({ type: 'manual', current: 12 })
    removeTarget(doc, 'new-firms', alice)
    expect(readTargets(doc).map((t) => t.id)).toEqual(['live'])
  })

  it('counts live cards for a counting target', () => {
    const doc = testBoard()
    const unit = { zh: '个', en: 'projects' }
    setTarget(
      doc,
      {
        id: 'live',
        label: { zh: '投产', en: 'Operating' },
        unit,
        target: 3,
        measure: { type: 'count-cards', stages: ['operating'] },
      },
      alice,
    )
    addCard(doc, { stage: 'operating', title: 'a' }, alice)
    const b = addCard(doc, { stage: 'operating', title: 'b' }, alice)
    addCard(doc, { stage: 'engaging', title: 'c' }, alice)
    archiveCard(doc, b, alice)
    const [target] = readTargets(doc)
    expect(target && targetProgress(target, readCards(doc))).toBe(1)
  })
})
