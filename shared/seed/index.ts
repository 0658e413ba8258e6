// Seeds a fresh sector board with the pipeline, the article's projects and the year's targets.
// Seeding is deterministic (fixed ids, time and order), so every server seeds identical content.
import type * as Y from 'yjs'
import { cardsOf, metaOf, stagesOf, targetsOf } from '../doc.js'
import { BoardError } from '../errors.js'
import { initBoard } from '../ops/board.js'
import { addCard } from '../ops/cards.js'
import { addStage } from '../ops/stages.js'
import { setTarget } from '../ops/targets.js'
import type { OpContext, Origin } from '../origin.js'
import { sectorName, type BoardId } from '../sectors.js'
import { BIOMEDICINE } from './biomedicine.js'
import { ENERGY_MATERIALS } from './energy-materials.js'
import { MANUFACTURING } from './manufacturing.js'
import { MARINE } from './marine.js'
import { SOFTWARE } from './software.js'
import { SEED_STAGES } from './stages.js'
import { TECH_SERVICES } from './tech-services.js'
import type { SectorSeed } from './types.js'

export { SEED_STAGES, type SeedStageId } from './stages.js'
export type { SeedCard, SectorSeed } from './types.js'
export { ZONE_TARGETS_2016, type ZoneFigure, type ZoneTargets } from './zone.js'

export const SEED_TIME = '2016-01-01T00:00:00.000Z'
export const SEED_ORIGIN: Origin = { kind: 'seed' }
/** Fixed time and random source: seeding a board gives the same content everywhere. */
export const SEED_CONTEXT: OpContext = {
  actor: 'seed',
  at: SEED_TIME,
  origin: SEED_ORIGIN,
  random: () => 0,
}

export const SECTOR_SEEDS: Readonly<Record<BoardId, SectorSeed>> = {
  'tech-services': TECH_SERVICES,
  software: SOFTWARE,
  manufacturing: MANUFACTURING,
  biomedicine: BIOMEDICINE,
  marine: MARINE,
  'energy-materials': ENERGY_MATERIALS,
}

function isEmptyBoard(doc: Y.Doc): boolean {
  return (
    metaOf(doc).size === 0 &&
    stagesOf(doc).size === 0 &&
    cardsOf(doc).size === 0 &&
    targetsOf(doc).size === 0
  )
}

/**
 * Fills an empty document with board `boardId`'s initial content, as one seed-tagged transaction
 * (one update to store and broadcast). A document that already holds anything is refused untouched.
 */
export function seedBoard(doc: Y.Doc, boardId: BoardId): void {
  if (!isEmptyBoard(doc)) throw new BoardError('conflict', `board ${boardId} is not empty`)
  const seed = SECTOR_SEEDS[boardId]
  doc.transact(() => {
    initBoard(doc, { id: boardId, name: sectorName(boardId) }, SEED_ORIGIN)
    for (const stage of SEED_STAGES) addStage(doc, stage, SEED_CONTEXT)
    for (const card of seed.cards) addCard(doc, card, SEED_CONTEXT)
    for (const target of seed.targets) setTarget(doc, target, SEED_CONTEXT)
  }, SEED_ORIGIN)
}
