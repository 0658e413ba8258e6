// Middleware: refuses unknown board ids with 404 before any work (or WebSocket upgrade) happens.
import { createMiddleware } from 'hono/factory'
import { isBoardId, type BoardId } from '../../shared/sectors.js'
import { errorResponse } from './errors.js'

export type BoardEnv = { Variables: { boardId: BoardId } }

export const requireBoard = createMiddleware<BoardEnv>(async (c, next) => {
  const boardId = c.req.param('boardId') ?? ''
  if (!isBoardId(boardId)) return errorResponse(c, 404, 'unknown-board', `no board "${boardId}"`)
  c.set('boardId', boardId)
  await next()
})
