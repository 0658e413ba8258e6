// Validation schemas for everything a board holds. The snapshot format, operation inputs and the
// JSON Schema file are all derived from these, so there is one definition of each field.
import { generateKeyBetween } from 'fractional-indexing'
import { z } from './zod.js'

export const IdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'ids are 1-64 letters, digits, "-" or "_"'))

export const LocalizedTextSchema = z.object({
  zh: z.string().check(z.maxLength(200)),
  en: z.string().check(z.maxLength(200)),
})
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

/** Amounts in 100-million-yuan units (亿元), kept as decimal strings so no float rounding occurs. */
export const DecimalSchema = z
  .string()
  .check(
    z.regex(/^(0|[1-9]\d{0,11})(\.\d{1,4})?$/, 'a decimal such as "12.5" (at most 4 decimals)'),
  )

export const IsoDateSchema = z.iso.date()
export const TimestampSchema = z.iso.datetime({ offset: true })
/** A fractional-indexing key: an integer part led by a letter, then base-62 digits. */
export const RankSchema = z
  .string()
  .check(
    z.maxLength(200),
    z.regex(/^[A-Za-z][0-9A-Za-z]*$/, 'a fractional-indexing rank such as "a0"'),
    z.refine(isValidRank, 'not a valid fractional-indexing rank'),
  )

function isValidRank(rank: string): boolean {
  try {
    generateKeyBetween(rank, null)
    return true
  } catch {
    return false
  }
}

export const RISKS = ['on-track', 'at-risk', 'blocked'] as const
export const RiskSchema = z.enum(RISKS)
export type Risk = z.infer<typeof RiskSchema>

export const CARD_KINDS = ['project', 'platform', 'programme', 'event'] as const
export const CardKindSchema = z.enum(CARD_KINDS)
export type CardKind = z.infer<typeof CardKindSchema>

export const PlacementSchema = z.object({ stage: IdSchema, rank: RankSchema })
export type Placement = z.infer<typeof PlacementSchema>

export const MilestoneSchema = z.object({
  id: IdSchema,
  title: z.string().check(z.maxLength(500)),
  date: z.nullable(IsoDateSchema),
  done: z.boolean(),
})
export type Milestone = z.infer<typeof MilestoneSchema>

/** The fields a person edits on a card (everything but identity, placement and audit). */
export const CardFieldsSchema = z.object({
  title: z.string().check(z.maxLength(500)),
  notes: z.string().check(z.maxLength(20_000)),
  company: z.string().check(z.maxLength(200)),
  investment: z.nullable(DecimalSchema),
  // z.number() rejects Infinity and NaN by itself (zod 4's .finite() was a no-op).
  floorArea: z.nullable(z.number().check(z.nonnegative())),
  officer: z.string().check(z.maxLength(100)),
  dueDate: z.nullable(IsoDateSchema),
  risk: RiskSchema,
  tags: z.array(z.string().check(z.minLength(1), z.maxLength(50))).check(z.maxLength(50)),
  milestones: z.array(MilestoneSchema).check(z.maxLength(200)),
  kind: CardKindSchema,
})
export type CardFields = z.infer<typeof CardFieldsSchema>

export const CardSchema = z.extend(CardFieldsSchema, {
  id: IdSchema,
  placement: PlacementSchema,
  archived: z.boolean(),
  createdAt: TimestampSchema,
  createdBy: z.string().check(z.maxLength(100)),
  updatedAt: TimestampSchema,
  updatedBy: z.string().check(z.maxLength(100)),
})
export type Card = z.infer<typeof CardSchema>

export const StageSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  rank: RankSchema,
  wipLimit: z.nullable(z.number().check(z.int(), z.positive())),
})
export type Stage = z.infer<typeof StageSchema>

/** A target's progress is either typed in or counted from the board's live cards. */
export const TargetMeasureSchema = z.discriminatedUnion('type', [
  // `current: null` means no figure has been reported yet (never invent one).
  z.object({
    type: z.literal('manual'),
    current: z.nullable(z.number().check(z.nonnegative())),
  }),
  z.object({
    type: z.literal('count-cards'),
    kinds: z.optional(z.array(CardKindSchema)),
    stages: z.optional(z.array(IdSchema)),
    tags: z.optional(z.array(z.string())),
  }),
])
export type TargetMeasure = z.infer<typeof TargetMeasureSchema>

export const TargetSchema = z.object({
  id: IdSchema,
  label: LocalizedTextSchema,
  unit: LocalizedTextSchema,
  target: z.number().check(z.nonnegative()),
  measure: TargetMeasureSchema,
  rank: RankSchema,
})
export type Target = z.infer<typeof TargetSchema>
