// Card operations: create, edit, move, archive and restore. Each is one transaction tagged with
// the caller's origin; input is validated first, so a bad call changes nothing.
import * as Y from 'yjs'
import { uuidv4 } from 'lib0/random'
import { z } from '../zod.js'
import {
  cardsOf,
  stagesOf,
  tagsOf,
  textOf,
  SCALAR_FIELDS,
  TEXT_FIELDS,
  type CardMap,
} from '../doc.js'
import { BoardError } from '../errors.js'
import { timestamp, originOf, type OpContext } from '../origin.js'
import { compareRanked, ranksForInsert } from '../rank.js'
import { readCards } from '../read.js'
import { CardFieldsSchema, IdSchema, type CardFields } from '../schema.js'
import { parseOrThrow } from '../validate.js'
import { applyTextChange } from './text.js'
import { writeMilestones, milestoneMap } from './milestones.js'

const DEFAULT_FIELDS: CardFields = {
  title: '',
  notes: '',
  company: '',
  investment: null,
  floorArea: null,
  officer: '',
  dueDate: null,
  risk: 'on-track',
  tags: [],
  milestones: [],
  kind: 'project',
}

export const NewCardSchema = z.extend(z.partial(CardFieldsSchema), {
  id: z.optional(IdSchema),
  stage: IdSchema,
  /** Position within the stage; defaults to the end. */
  index: z.optional(z.number().check(z.int(), z.nonnegative())),
})
export type NewCard = z.input<typeof NewCardSchema>

export const CardPatchSchema = z.partial(CardFieldsSchema)
export type CardPatch = z.input<typeof CardPatchSchema>

export const MoveTargetSchema = z.object({
  stage: IdSchema,
  index: z.number().check(z.int(), z.nonnegative()),
})
export type MoveTarget = z.input<typeof MoveTargetSchema>

export function getCardMap(doc: Y.Doc, id: string): CardMap {
  const card = cardsOf(doc).get(id)
  if (!card) throw new BoardError('not-found', `no card ${id}`)
  return card
}

function requireStage(doc: Y.Doc, stage: string): void {
  if (!stagesOf(doc).has(stage)) throw new BoardError('not-found', `no stage ${stage}`)
}

/** Live cards of a stage in order, the given card excluded. */
function stageSiblings(doc: Y.Doc, stage: string, exclude?: string) {
  return readCards(doc)
    .filter((c) => c.placement.stage === stage && !c.archived && c.id !== exclude)
    .map((c) => ({ id: c.id, rank: c.placement.rank }))
    .sort(compareRanked)
}

function placeAt(
  doc: Y.Doc,
  ctx: OpContext,
  stage: string,
  index: number | undefined,
  exclude?: string,
) {
  const siblings = stageSiblings(doc, stage, exclude)
  const { rank, rerank } = ranksForInsert(siblings, index ?? siblings.length, ctx.random)
  for (const moved of rerank)
    getCardMap(doc, moved.id).set('placement', { stage, rank: moved.rank })
  return { stage, rank }
}

function touch(card: CardMap, ctx: OpContext): void {
  card.set('updatedAt', timestamp(ctx))
  card.set('updatedBy', ctx.actor)
}

export function addCard(doc: Y.Doc, input: NewCard, ctx: OpContext): string {
  const { id: givenId, stage, index, ...fields } = parseOrThrow(NewCardSchema, input)
  const id = givenId ?? uuidv4()
  if (cardsOf(doc).has(id)) throw new BoardError('conflict', `card ${id} already exists`)
  requireStage(doc, stage)
  const values = { ...DEFAULT_FIELDS, ...fields }
  const at = timestamp(ctx)
  doc.transact(() => {
    const card: CardMap = new Y.Map()
    card.set('title', new Y.Text(values.title))
    card.set('notes', new Y.Text(values.notes))
    card.set('tags', Y.Array.from(values.tags))
    card.set('milestones', Y.Array.from(values.milestones.map(milestoneMap)))
    for (const field of SCALAR_FIELDS) card.set(field, values[field])
    card.set('archived', false)
    card.set('createdAt', at)
    card.set('createdBy', ctx.actor)
    card.set('updatedAt', at)
    card.set('updatedBy', ctx.actor)
    card.set('placement', placeAt(doc, ctx, stage, index))
    cardsOf(doc).set(id, card)
  }, originOf(ctx))
  return id
}

export function editCard(doc: Y.Doc, id: string, patch: CardPatch, ctx: OpContext): void {
  const fields = parseOrThrow(CardPatchSchema, patch)
  const card = getCardMap(doc, id)
  doc.transact(() => {
    for (const field of TEXT_FIELDS) {
      const value = fields[field]
      if (value !== undefined) applyTextChange(textOf(card, field), value)
    }
    for (const field of SCALAR_FIELDS) {
      const value = fields[field]
      if (value !== undefined && card.get(field) !== value) card.set(field, value)
    }
    if (fields.tags) setTags(tagsOf(card), fields.tags)
    if (fields.milestones) writeMilestones(card, fields.milestones)
    touch(card, ctx)
  }, originOf(ctx))
}

/** Removes and adds only the difference, so concurrent tag edits by two people both survive. */
function setTags(tags: Y.Array<string>, next: readonly string[]): void {
  const wanted = [...new Set(next)]
  const current = tags.toArray()
  for (let i = current.length - 1; i >= 0; i--) {
    if (!wanted.includes(current[i] as string)) tags.delete(i, 1)
  }
  const kept = new Set(tags.toArray())
  const added = wanted.filter((t) => !kept.has(t))
  if (added.length > 0) tags.push(added)
}

/**
 * Moves a card to `index` in `stage` (index among the stage's live cards, the card itself
 * excluded). Placement is written as one value, so concurrent moves never split a card.
 */
export function moveCard(doc: Y.Doc, id: string, to: MoveTarget, ctx: OpContext): void {
  const { stage, index } = parseOrThrow(MoveTargetSchema, to)
  const card = getCardMap(doc, id)
  requireStage(doc, stage)
  doc.transact(() => {
    card.set('placement', placeAt(doc, ctx, stage, index, id))
    touch(card, ctx)
  }, originOf(ctx))
}

function setArchived(doc: Y.Doc, id: string, archived: boolean, ctx: OpContext): void {
  const card = getCardMap(doc, id)
  if (card.get('archived') === archived) return
  doc.transact(() => {
    card.set('archived', archived)
    touch(card, ctx)
  }, originOf(ctx))
}

/** Deleting a card archives it; nothing is hard-deleted by a click. */
export const archiveCard = (doc: Y.Doc, id: string, ctx: OpContext) =>
  setArchived(doc, id, true, ctx)

export const restoreCard = (doc: Y.Doc, id: string, ctx: OpContext) =>
  setArchived(doc, id, false, ctx)
