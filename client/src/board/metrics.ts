// Figures managers read off a board: cards and investment per stage, target progress, projects
// at risk, and what changed recently. Pure functions of the board state.
import { sumDecimals } from '../../../shared/decimal.js'
import { targetProgress } from '../../../shared/read.js'
import type { Card, Stage, Target } from '../../../shared/schema.js'
import type { BoardState } from './store'

export interface StageFigures {
  readonly stage: Stage
  readonly count: number
  /** Sum of the stage's investments in 亿元 (exact decimal); cards without a figure add nothing. */
  readonly investment: string
}

export interface TargetFigures {
  readonly target: Target
  readonly current: number | null
}

export function liveCards(state: Readonly<BoardState>): Card[] {
  return Object.values(state.cards).filter((c): c is Card => c !== undefined && !c.archived)
}

export function stageFigures(state: Readonly<BoardState>): StageFigures[] {
  return state.stages.map((stage) => {
    const cards = (state.columns[stage.id] ?? [])
      .map((id) => state.cards[id])
      .filter((c): c is Card => c !== undefined)
    return { stage, count: cards.length, investment: sumDecimals(cards.map((c) => c.investment)) }
  })
}

export function targetFigures(state: Readonly<BoardState>): TargetFigures[] {
  const cards = liveCards(state)
  return state.targets.map((target) => ({ target, current: targetProgress(target, cards) }))
}

export function cardsAtRisk(state: Readonly<BoardState>): Card[] {
  return liveCards(state)
    .filter((c) => c.risk !== 'on-track')
    .sort((a, b) =>
      a.risk === b.risk ? a.title.localeCompare(b.title) : a.risk === 'blocked' ? -1 : 1,
    )
}

/** Cards changed since `since` (ISO time), newest first. */
export function recentChanges(state: Readonly<BoardState>, since: string): Card[] {
  return Object.values(state.cards)
    .filter((c): c is Card => c !== undefined && c.updatedAt >= since)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
}
