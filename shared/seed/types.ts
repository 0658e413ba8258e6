// The shape of one sector's demo content: cards in board order and the year's targets.
import type { NewCard } from '../ops/cards.js'
import type { TargetInput } from '../ops/targets.js'
import type { CardKind } from '../schema.js'
import type { SeedStageId } from './stages.js'

/** A seed card always has a stable id (so seeding is reproducible), a title and a kind. */
export type SeedCard = Omit<NewCard, 'id' | 'stage' | 'title' | 'kind' | 'index'> & {
  readonly id: string
  readonly stage: SeedStageId
  readonly title: string
  readonly kind: CardKind
}

export interface SectorSeed {
  readonly cards: readonly SeedCard[]
  readonly targets: readonly TargetInput[]
}
