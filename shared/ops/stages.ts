// Stage operations: add, rename, reorder and set WIP limits. Stages are ordered by fractional
// rank, like cards, so concurrent reorders converge.
import * as Y from 'yjs'
import { uuidv4 } from 'lib0/random'
import { z } from '../zod.js'
import { stagesOf, type StageMap } from '../doc.js'
import { BoardError } from '../errors.js'
import { originOf, type OpContext } from '../origin.js'
import { ranksForInsert } from '../rank.js'
import { readCards, readStages } from '../read.js'
import { IdSchema, LocalizedTextSchema, StageSchema } from '../schema.js'
import { parseOrThrow } from '../validate.js'

export const NewStageSchema = z.object({
  id: z.optional(IdSchema),
  name: LocalizedTextSchema,
  wipLimit: z.optional(StageSchema.shape.wipLimit),
  index: z.optional(z.number().check(z.int(), z.nonnegative())),
})
export type NewStage = z.input<typeof NewStageSchema>

function getStageMap(doc: Y.Doc, id: string): StageMap {
  const stage = stagesOf(doc).get(id)
  if (!stage) throw new BoardError('not-found', `no stage ${id}`)
  return stage
}

function rankAt(doc: Y.Doc, ctx: OpContext, index: number | undefined, exclude?: string): string {
  const siblings = readStages(doc).filter((s) => s.id !== exclude)
  const { rank, rerank } = ranksForInsert(siblings, index ?? siblings.length, ctx.random)
  for (const moved of rerank) getStageMap(doc, moved.id).set('rank', moved.rank)
  return rank
}

export function addStage(doc: Y.Doc, input: NewStage, ctx: OpContext): string {
  const { id: givenId, name, wipLimit, index } = parseOrThrow(NewStageSchema, input)
  const id = givenId ?? uuidv4()
  if (stagesOf(doc).has(id)) throw new BoardError('conflict', `stage ${id} already exists`)
  doc.transact(() => {
    const stage: StageMap = new Y.Map()
    stage.set('name', name)
    stage.set('wipLimit', wipLimit ?? null)
    stage.set('rank', rankAt(doc, ctx, index))
    stagesOf(doc).set(id, stage)
  }, originOf(ctx))
  return id
}

export function renameStage(doc: Y.Doc, id: string, name: unknown, ctx: OpContext): void {
  const value = parseOrThrow(LocalizedTextSchema, name)
  const stage = getStageMap(doc, id)
  doc.transact(() => stage.set('name', value), originOf(ctx))
}

export function moveStage(doc: Y.Doc, id: string, index: number, ctx: OpContext): void {
  const to = parseOrThrow(z.number().check(z.int(), z.nonnegative()), index)
  const stage = getStageMap(doc, id)
  doc.transact(() => stage.set('rank', rankAt(doc, ctx, to, id)), originOf(ctx))
}

export function setWipLimit(doc: Y.Doc, id: string, limit: number | null, ctx: OpContext): void {
  const value = parseOrThrow(StageSchema.shape.wipLimit, limit)
  const stage = getStageMap(doc, id)
  doc.transact(() => stage.set('wipLimit', value), originOf(ctx))
}

/** Removes an empty stage. Cards (archived ones too) must be moved out first, so none is orphaned. */
export function removeStage(doc: Y.Doc, id: string, ctx: OpContext): void {
  getStageMap(doc, id)
  const holding = readCards(doc).filter((c) => c.placement.stage === id).length
  if (holding > 0)
    throw new BoardError('conflict', `stage ${id} still holds ${holding} card(s); move them first`)
  doc.transact(() => stagesOf(doc).delete(id), originOf(ctx))
}
