// Validation schemas for everything a board holds. The snapshot format, operation inputs and the
// JSON Schema file are all derived from these, so there is one definition of each field.
import { generateKeyBetween } from 'fractional-indexing'
import { z } from 'zod'

export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'ids are 1-64 letters, digits, "-" or "_"')

export const LocalizedTextSchema = z.object({
  zh: z.string().max(200),
  en: z.string().max(200),
})
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

/** Amounts in 100-million-yuan units (亿元), kept as decimal strings so no float rounding occurs. */
export const DecimalSchema = z
  .string()
  .regex(/^(0|[1-9]\d{0,11})(\.\d{1,4})?$/, 'a decimal such as "12.5" (at most 4 decimals)')

export const IsoDateSchema = z.iso.date()
export const TimestampSchema = z.iso.datetime({ offset: true })
/** A fractional-indexing key: an integer part led by a letter, then base-62 digits. */
export const RankSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z][0-9A-Za-z]*$/, 'a fractional-indexing rank such as "a0"')
  .refine(isValidRank, 'not a valid fractional-indexing rank')

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
  title: z.string().max(500),
  date: IsoDateSchema.nullable(),
  done: z.boolean(),
})
export type Milestone = z.infer<typeof MilestoneSchema>

/** The fields a person edits on a card (everything but identity, placement and audit). */
export const CardFieldsSchema = z.object({
  title: z.string().max(500),
  notes: z.string().max(20_000),
  company: z.string().max(200),
  investment: DecimalSchema.nullable(),
  floorArea: z.number().finite().nonnegative().nullable(),
  officer: z.string().max(100),
  dueDate: IsoDateSchema.nullable(),
  risk: RiskSchema,
  tags: z.array(z.string().min(1).max(50)).max(50),
  milestones: z.array(MilestoneSchema).max(200),
  kind: CardKindSchema,
})
export type CardFields = z.infer<typeof CardFieldsSchema>

export const CardSchema = CardFieldsSchema.extend({
  id: IdSchema,
  placement: PlacementSchema,
  archived: z.boolean(),
  createdAt: TimestampSchema,
  createdBy: z.string().max(100),
  updatedAt: TimestampSchema,
  updatedBy: z.string().max(100),
})
export type Card = z.infer<typeof CardSchema>

export const StageSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  rank: RankSchema,
  wipLimit: z.number().int().positive().nullable(),
})
export type Stage = z.infer<typeof StageSchema>

/** A target's progress is either typed in or counted from the board's live cards. */
export const TargetMeasureSchema = z.discriminatedUnion('type', [
  // `current: null` means no figure has been reported yet (never invent one).
  z.object({
    type: z.literal('manual'),
    current: z.number().finite().nonnegative().nullable(),
  }),
  z.object({
    type: z.literal('count-cards'),
    kinds: z.array(CardKindSchema).optional(),
    stages: z.array(IdSchema).optional(),
    tags: z.array(z.string()).optional(),
  }),
])
export type TargetMeasure = z.infer<typeof TargetMeasureSchema>

export const TargetSchema = z.object({
  id: IdSchema,
  label: LocalizedTextSchema,
  unit: LocalizedTextSchema,
  target: z.number().finite().nonnegative(),
  measure: TargetMeasureSchema,
  rank: RankSchema,
})
export type Target = z.infer<typeof TargetSchema>
