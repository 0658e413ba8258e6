// The one place that knows the raw Y.Doc layout of a board. Everything else reads and writes
// through these accessors and the operations built on them.
//
// Layout (schema version 1):
//   meta:    Y.Map { schemaVersion: number, boardId: string, name: LocalizedText }
//   stages:  Y.Map<stageId, Y.Map { name: LocalizedText, rank: string, wipLimit: number|null }>
//   cards:   Y.Map<cardId, Y.Map { title: Y.Text, notes: Y.Text, tags: Y.Array<string>,
//                                  milestones: Y.Array<Y.Map>, placement: {stage, rank}, ...scalars }>
//   targets: Y.Map<targetId, Target> (each target is one atomic plain value)
import * as Y from 'yjs'

export const SCHEMA_VERSION = 1

export type CardMap = Y.Map<unknown>
export type StageMap = Y.Map<unknown>

export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta')
export const stagesOf = (doc: Y.Doc): Y.Map<StageMap> => doc.getMap('stages')
export const cardsOf = (doc: Y.Doc): Y.Map<CardMap> => doc.getMap('cards')
export const targetsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('targets')

/**
 * Gives the board's root maps their type. A doc filled by Y.applyUpdate holds an untyped
 * placeholder for each root until it is first asked for, and a transaction records its changes
 * against those placeholders: code that tells changes apart by root (changes.ts, and so the
 * server's check of client updates) would not recognise them. Call it before applying anything.
 */
export function defineBoardRoots(doc: Y.Doc): void {
  metaOf(doc)
  stagesOf(doc)
  cardsOf(doc)
  targetsOf(doc)
}

/** The shared types a person's edits can touch: the scope of a per-user undo history. */
export function editableTypes(doc: Y.Doc): Y.Map<unknown>[] {
  return [doc.getMap('cards'), doc.getMap('stages'), doc.getMap('targets')]
}

/** Card fields stored as collaborative text. */
export const TEXT_FIELDS = ['title', 'notes'] as const
export type TextField = (typeof TEXT_FIELDS)[number]

/** Card fields stored as plain values, replaced whole (last writer wins per field). */
export const SCALAR_FIELDS = [
  'company',
  'investment',
  'floorArea',
  'officer',
  'dueDate',
  'risk',
  'kind',
] as const
export type ScalarField = (typeof SCALAR_FIELDS)[number]

export function textOf(card: CardMap, field: TextField): Y.Text {
  const text = card.get(field)
  if (!(text instanceof Y.Text)) throw new Error(`card field ${field} is not text`)
  return text
}

export function tagsOf(card: CardMap): Y.Array<string> {
  const tags = card.get('tags')
  if (!(tags instanceof Y.Array)) throw new Error('card tags are not a list')
  return tags as Y.Array<string>
}

export function milestonesOf(card: CardMap): Y.Array<Y.Map<unknown>> {
  const milestones = card.get('milestones')
  if (!(milestones instanceof Y.Array)) throw new Error('card milestones are not a list')
  return milestones as Y.Array<Y.Map<unknown>>
}

export function schemaVersionOf(doc: Y.Doc): number {
  const version = metaOf(doc).get('schemaVersion')
  return typeof version === 'number' ? version : 0
}
