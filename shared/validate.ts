// Turns schema failures into BoardErrors that name the offending path.
import type { z } from './zod.js'
import { BoardError, jsonPath, type BoardErrorCode } from './errors.js'

export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  code: BoardErrorCode = 'invalid-input',
): z.infer<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new BoardError(code, issue?.message ?? 'invalid value', jsonPath(issue?.path ?? []))
}
