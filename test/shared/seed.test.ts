// Seed content: every board seeds the pipeline, the digest's cards and targets, valid and
// reproducible; spot checks tie a few cards to seed/DIGEST.md.
import { describe, it, expect } from 'vitest'
import * as Y from 'yjs'
import { BoardError } from '../../shared/errors.js'
import { readCardById, readCards, readMeta, readStages, readTargets } from '../../shared/read.js'
import { CardSchema, DecimalSchema, TargetSchema } from '../../shared/schema.js'
import { SECTORS, sectorName, type BoardId } from '../../shared/sectors.js'
import { parseSnapshot, toSnapshot } from '../../shared/snapshot.js'
import { SEED_STAGES, SEED_TIME, ZONE_TARGETS_2016, seedBoard } from '../../shared/seed/index.js'

const STAGE_IDS = [
  'engaging',
  'signed',
  'construction-started',
  'under-construction',
  'completed',
  'operating',
]

/** Cards and targets per board, counted from seed/DIGEST.md. */
const EXPECTED: Record<BoardId, { cards: number; targets: number }> = {
  'tech-services': { cards: 7, targets: 4 },
  software: { cards: 12, targets: 3 },
  manufacturing: { cards: 11, targets: 1 },
  biomedicine: { cards: 9, targets: 0 },
  marine: { cards: 10, targets: 1 },
  'energy-materials': { cards: 8, targets: 0 },
}

function seeded(boardId: BoardId): Y.Doc {
  const doc = new Y.Doc()
  seedBoard(doc, boardId)
  return doc
}

function cardByTitle(doc: Y.Doc, zh: string) {
  const card = readCards(doc).find((c) => c.title.startsWith(`${zh} · `))
  if (!card) throw new Error(`no card titled ${zh}`)
  return card
}

describe.each(SECTORS.map((s) => s.id))('seeding board %s', (boardId) => {
  it('names the board after its sector', () => {
    const meta = readMeta(seeded(boardId))
    expect(meta.id).toBe(boardId)
    expect(meta.name).toEqual(sectorName(boardId))
    expect(meta.schemaVersion).toBe(1)
  })

  it('creates the six pipeline stages in order, without WIP limits', () => {
    const stages = readStages(seeded(boardId))
    expect(stages.map((s) => s.id)).toEqual(STAGE_IDS)
    expect(stages.map((s) => s.name)).toEqual(SEED_STAGES.map((s) => s.name))
    expect(stages.every((s) => s.wipLimit === null)).toBe(true)
  })

  it('adds the digest cards, valid, in known stages, with seed audit fields', () => {
    const cards = readCards(seeded(boardId))
    expect(cards).toHaveLength(EXPECTED[boardId].cards)
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length)
    for (const card of cards) {
      expect(CardSchema.safeParse(card).success, card.id).toBe(true)
      expect(STAGE_IDS).toContain(card.placement.stage)
      expect(card.id.startsWith(`${boardId}-`)).toBe(true)
      // Bilingual title, Chinese first.
      expect(card.title).toMatch(/^[^·]*\p{Script=Han}[^·]* · [^·]*[A-Za-z]/u)
      expect(card.notes, card.id).toContain(' · ')
      expect(card).toMatchObject({ archived: false, createdAt: SEED_TIME, createdBy: 'seed' })
    }
  })

  it('invents no figures: investment, floor area, officer and due date stay empty', () => {
    for (const card of readCards(seeded(boardId))) {
      expect(card).toMatchObject({ investment: null, floorArea: null, officer: '', dueDate: null })
      expect(card.milestones).toEqual([])
    }
  })

  it('sets the digest targets, valid, with no reported current value', () => {
    const targets = readTargets(seeded(boardId))
    expect(targets).toHaveLength(EXPECTED[boardId].targets)
    for (const target of targets) {
      expect(TargetSchema.safeParse(target).success, target.id).toBe(true)
      expect(target.measure).toEqual({ type: 'manual', current: null })
    }
  })

  it('is deterministic: two fresh documents read back identical content', () => {
    const [a, b] = [seeded(boardId), seeded(boardId)]
    expect(JSON.stringify(readStages(a))).toBe(JSON.stringify(readStages(b)))
    expect(JSON.stringify(readCards(a))).toBe(JSON.stringify(readCards(b)))
    expect(JSON.stringify(readTargets(a))).toBe(JSON.stringify(readTargets(b)))
  })

  it('exports as a valid snapshot, also after a JSON round trip', () => {
    const snapshot = toSnapshot(seeded(boardId), SEED_TIME)
    expect(parseSnapshot(snapshot)).toEqual(snapshot)
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot)
  })

  it('seeds in one transaction tagged with the seed origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr) => origins.push(tr.origin))
    seedBoard(doc, boardId)
    expect(origins).toEqual([{ kind: 'seed' }])
  })

  it('refuses a document that already has content, and changes nothing', () => {
    const doc = seeded(boardId)
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => seedBoard(doc, boardId)).toThrow(BoardError)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})

describe('seed facts from the digest', () => {
  it.each([
    ['marine', '青岛北斗数据中心', 'under-construction'],
    ['marine', '北斗大厦', 'operating'],
    ['marine', '中科院声学所青岛分所项目一期', 'completed'],
    ['marine', '鹿港深海装备产业园项目一期', 'under-construction'],
    ['manufacturing', '联东U谷国际企业港一期', 'operating'],
    ['manufacturing', '机器人产品应用示范基地', 'engaging'],
    ['software', '赛普克CAE云平台', 'construction-started'],
    ['software', '清华-青岛大数据工程研究中心', 'operating'],
    ['biomedicine', '青岛国际干细胞医疗健康产业先行试验区', 'engaging'],
    ['energy-materials', '清华大学石墨烯工程技术中心', 'operating'],
  ] as const)('%s: %s is %s', (boardId, zh, stage) => {
    expect(cardByTitle(seeded(boardId), zh).placement.stage).toBe(stage)
  })

  it('keeps the article nuance in notes and partners in company', () => {
    const marine = seeded('marine')
    expect(cardByTitle(marine, '鹿港深海装备产业园项目一期').notes).toContain('完成主体工程')
    expect(readCardById(marine, 'marine-09')?.tags).toEqual(['beidou'])
    const software = seeded('software')
    expect(cardByTitle(software, 'IBM创新中心移动互联公共研发平台').company).toBe('IBM')
    expect(cardByTitle(software, '全国首届保密技术产业博览会')).toMatchObject({
      kind: 'event',
      notes: '举办 · host',
    })
  })

  it('puts events on the boards that host or attend them', () => {
    const events = (boardId: BoardId) =>
      readCards(seeded(boardId)).filter((c) => c.kind === 'event').length
    expect(events('software')).toBe(1)
    expect(events('manufacturing')).toBe(2)
    expect(events('energy-materials')).toBe(2)
  })

  it('sets the yearly targets the digest gives', () => {
    const target = (boardId: BoardId, id: string) =>
      readTargets(seeded(boardId)).find((t) => t.id === id)?.target
    expect(target('tech-services', 'tech-services-incubator-area')).toBe(2_000_000)
    expect(target('software', 'software-park-area')).toBe(6_500_000)
    expect(target('manufacturing', 'manufacturing-robot-projects')).toBe(80)
    expect(target('marine', 'marine-beidou-projects')).toBe(40)
  })

  it('keeps the zone-wide 2016 figures off the boards, investment as a decimal in 亿元', () => {
    expect(ZONE_TARGETS_2016.newKeyProjects.target).toBe(20)
    expect(ZONE_TARGETS_2016.keyProjects.target).toBe(137)
    expect(ZONE_TARGETS_2016.keyProjectsInvestment.target).toBe('1465')
    expect(ZONE_TARGETS_2016.keyProjectsInvestment.unit.zh).toBe('亿元')
    expect(DecimalSchema.safeParse(ZONE_TARGETS_2016.keyProjectsInvestment.target).success).toBe(
      true,
    )
  })
})
