// The Hono application: API routes, the WebSocket endpoint and the built client.
import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { BoardError } from '../../shared/errors.js'
import type { Logger } from '../log.js'
import type { Rooms } from '../room/rooms.js'
import { boardRoutes } from './boards.js'
import { errorResponse } from './errors.js'
import { websocketRoutes } from './websocket.js'

export interface AppDeps {
  readonly rooms: Rooms
  readonly log: Logger
  /** Folder of the built client; served when it exists. */
  readonly clientDir?: string
}

export function createApp({ rooms, log, clientDir }: AppDeps): Hono {
  const app = new Hono()
  app.get('/api/health', (c) => c.json({ ok: true, loadedBoards: rooms.loadedBoards }))
  app.route('/api/boards', boardRoutes(rooms))
  app.route('/ws', websocketRoutes(rooms, log))
  app.all('/api/*', (c) =>
    errorResponse(c, 404, 'not-found', `no route ${c.req.method} ${c.req.path}`),
  )

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: path.relative(process.cwd(), clientDir) }))
    app.get(
      '*',
      serveStatic({ path: path.relative(process.cwd(), path.join(clientDir, 'index.html')) }),
    )
  }

  app.onError((error, c) => {
    if (error instanceof BoardError)
      return errorResponse(
        c,
        error.code === 'not-found' ? 404 : 400,
        error.code,
        error.message,
        error.path,
      )
    log.error({ err: error, path: c.req.path }, 'request failed')
    return errorResponse(c, 500, 'internal', 'internal server error')
  })
  return app
}
