// One JSON error shape for every HTTP refusal: { error: { code, message, path? } }.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  path?: string,
) {
  return c.json({ error: { code, message, ...(path ? { path } : {}) } }, status)
}
