// Target operations: set (create or replace) and remove a board's yearly targets. A target is one
// atomic value; its progress is typed in or counted from cards (see read.ts targetProgress).
import type * as Y from 'yjs'
import { z } from '../zod.js'
import { targetsOf } from '../doc.js'
import { BoardError } from '../errors.js'
import { originOf, type OpContext } from '../origin.js'
import { rankAfter } from '../rank.js'
import { readTargets } from '../read.js'
import { TargetSchema } from '../schema.js'
import { parseOrThrow } from '../validate.js'

export const TargetInputSchema = z.extend(TargetSchema, {
  rank: z.optional(TargetSchema.shape.rank),
})
export type TargetInput = z.input<typeof TargetInputSchema>

export function setTarget(doc: Y.Doc, input: TargetInput, ctx: OpContext): void {
  const target = parseOrThrow(TargetInputSchema, input)
  const existing = readTargets(doc)
  const rank =
    target.rank ??
    existing.find((t) => t.id === target.id)?.rank ??
    rankAfter(existing.at(-1)?.rank ?? null)
  doc.transact(() => targetsOf(doc).set(target.id, { ...target, rank }), originOf(ctx))
}

export function removeTarget(doc: Y.Doc, id: string, ctx: OpContext): void {
  if (!targetsOf(doc).has(id)) throw new BoardError('not-found', `no target ${id}`)
  doc.transact(() => targetsOf(doc).delete(id), originOf(ctx))
}
