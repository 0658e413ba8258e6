// The JSON snapshot format ("sector-board/snapshot", version 1): the whole board in board order,
// with when and from which document state it was taken. The same file imports back.
import * as Y from 'yjs'
import { fromBase64, toBase64 } from 'lib0/buffer'
import { z } from './zod.js'
import { cardsOf, stagesOf, targetsOf, metaOf, SCHEMA_VERSION } from './doc.js'
import { BoardError } from './errors.js'
import type { Origin } from './origin.js'
import { readCards, readMeta, readStages, readTargets } from './read.js'
import {
  CardSchema,
  IdSchema,
  LocalizedTextSchema,
  StageSchema,
  TargetSchema,
  TimestampSchema,
} from './schema.js'
import { parseOrThrow } from './validate.js'
import { milestoneMap } from './ops/milestones.js'

export const SNAPSHOT_FORMAT = 'sector-board/snapshot'
export const SNAPSHOT_VERSION = 1

export const SnapshotSchema = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    version: z.literal(SNAPSHOT_VERSION),
    takenAt: TimestampSchema,
    /** Base64 Yjs state vector of the document the snapshot was taken from. */
    stateVector: z.base64(),
    board: z.object({
      id: IdSchema,
      name: LocalizedTextSchema,
      schemaVersion: z.number().check(z.int(), z.gte(1), z.lte(SCHEMA_VERSION)),
      stages: z.array(StageSchema),
      targets: z.array(TargetSchema),
    }),
    cards: z.array(CardSchema),
  })
  .check(
    z.superRefine((snapshot, ctx) => {
      // A card may name a stage that is not listed: one removed while someone moved the card into
      // it. Such cards are kept (and shown as unplaced) rather than dropped.
      const stageIds = new Set<string>()
      snapshot.board.stages.forEach((stage, i) => {
        if (stageIds.has(stage.id))
          ctx.addIssue({
            code: 'custom',
            message: `duplicate stage id ${stage.id}`,
            path: ['board', 'stages', i, 'id'],
          })
        stageIds.add(stage.id)
      })
      const cardIds = new Set<string>()
      snapshot.cards.forEach((card, i) => {
        if (cardIds.has(card.id))
          ctx.addIssue({
            code: 'custom',
            message: `duplicate card id ${card.id}`,
            path: ['cards', i, 'id'],
          })
        cardIds.add(card.id)
      })
    }),
  )
export type Snapshot = z.infer<typeof SnapshotSchema>

export function toSnapshot(doc: Y.Doc, takenAt: string = new Date().toISOString()): Snapshot {
  const head = snapshotHead(doc, takenAt)
  return { ...head, cards: readCards(doc, head.board.stages) }
}

/** Everything of a snapshot but its cards (an empty list, last, as in every snapshot). */
export function snapshotHead(doc: Y.Doc, takenAt: string): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    takenAt,
    stateVector: toBase64(Y.encodeStateVector(doc)),
    board: { ...readMeta(doc), stages: readStages(doc), targets: readTargets(doc) },
    cards: [],
  }
}

/** Validates untrusted JSON; errors name the JSON path of the first problem. */
export function parseSnapshot(json: unknown): Snapshot {
  return parseOrThrow(SnapshotSchema, json, 'invalid-snapshot')
}

/**
 * Replaces the document's whole content with the snapshot's. By default in one transaction. With
 * `cardsPerTransaction`, the first transaction replaces the board and writes that many cards, and
 * the rest follow in transactions of that many, so a huge import can be applied in slices (a
 * board of that size or smaller still changes in one step, never showing a partial state).
 */
export function fromSnapshot(
  doc: Y.Doc,
  json: unknown,
  origin: Origin,
  options: { cardsPerTransaction?: number } = {},
): Snapshot {
  const snapshot = parseSnapshot(json)
  const current = metaOf(doc).get('boardId')
  if (current !== undefined && current !== snapshot.board.id)
    throw new BoardError(
      'invalid-snapshot',
      `snapshot is of board ${snapshot.board.id}, not ${String(current)}`,
      '$.board.id',
    )
  const batch = options.cardsPerTransaction ?? Number.POSITIVE_INFINITY
  const writeCards = (cards: Snapshot['cards']) => {
    for (const { id, title, notes, tags, milestones, ...scalars } of cards) {
      const card = new Y.Map<unknown>(Object.entries(scalars))
      card.set('title', new Y.Text(title))
      card.set('notes', new Y.Text(notes))
      card.set('tags', Y.Array.from(tags))
      card.set('milestones', Y.Array.from(milestones.map(milestoneMap)))
      cardsOf(doc).set(id, card)
    }
  }
  doc.transact(() => {
    const meta = metaOf(doc)
    meta.set('schemaVersion', snapshot.board.schemaVersion)
    meta.set('boardId', snapshot.board.id)
    meta.set('name', snapshot.board.name)
    for (const map of [stagesOf(doc), cardsOf(doc), targetsOf(doc)] as Y.Map<unknown>[]) map.clear()
    for (const { id, ...stage } of snapshot.board.stages)
      stagesOf(doc).set(id, new Y.Map(Object.entries(stage)))
    for (const target of snapshot.board.targets) targetsOf(doc).set(target.id, target)
    writeCards(snapshot.cards.slice(0, batch))
  }, origin)
  for (let i = batch; i < snapshot.cards.length; i += batch)
    doc.transact(() => writeCards(snapshot.cards.slice(i, i + batch)), origin)
  return snapshot
}

export { fromBase64 as decodeStateVector }
