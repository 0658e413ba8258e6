// How an import the CLI writes to the database reaches the servers holding the board in memory.
// With PostgreSQL and Redis (DATABASE_URL and REDIS_URL), the CLI does what an instance does: it
// publishes the stored update with its number on the board's channel, and every instance holding
// the board applies it live. Without Redis no running server can be told, so the CLI asks the one
// on HOST:PORT and refuses while it holds the board.
import fs from 'node:fs'
import type { Config } from '../server/config.js'
import type { StoredUpdatePublisher } from '../server/fanout/redis-publisher.js'
import { CliError } from './board-cli.js'

export interface RunningServers {
  /**
   * Tells the servers about the import, stored as `seq`: resolves with a line saying which were
   * told (null when none could be). Never throws: the import is stored whatever happens here.
   */
  announce(seq: number, update: Uint8Array): Promise<string | null>
  close(): Promise<void>
}

/**
 * Gets ready to reach the servers holding `boardId`, before anything is written: throws CliError
 * when the import must not go ahead (Redis unreachable, or a server without Redis holds the board).
 */
export async function reachRunningServers(
  config: Config,
  boardId: string,
): Promise<RunningServers> {
  if (config.redisUrl) return overRedis(config.redisUrl, config.redisPrefix, boardId)
  await refuseIfHeld(config, boardId)
  return { announce: async () => null, close: async () => {} }
}

async function overRedis(url: string, prefix: string, boardId: string): Promise<RunningServers> {
  // Loaded only when configured, as in the server: an import without Redis never pays for it.
  const { connectStoredUpdatePublisher } = await import('../server/fanout/redis-publisher.js')
  let publisher: StoredUpdatePublisher
  try {
    publisher = await connectStoredUpdatePublisher({ url, prefix })
  } catch (error) {
    throw new CliError(
      `cannot reach Redis at ${new URL(url).host} (${(error as Error).message}), which tells ` +
        `the servers about the import. Nothing was changed.`,
    )
  }
  return {
    async announce(seq, update) {
      try {
        const instances = await publisher.publish(boardId, seq, update)
        return instances === 0
          ? `no server instance holds board ${boardId} now; it shows the import when next opened`
          : `sent live to the ${instances} server instance${instances === 1 ? '' : 's'} ` +
              `holding board ${boardId}`
      } catch (error) {
        // Stored already: instances holding the board catch up from the database regardless.
        console.error(
          `warning: the import is stored but Redis did not take it (${(error as Error).message}); ` +
            `servers holding board ${boardId} show it within CATCH_UP_MS, when they next check ` +
            `the database.`,
        )
        return null
      }
    },
    close: () => publisher.close(),
  }
}

/** Asks a server on HOST:PORT which boards it holds; null when none answers. */
async function probeServer(config: Config): Promise<{ url: string; loaded: string[] } | null> {
  if (config.port === 0) return null
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
    const body = (await res.json()) as { ok?: unknown; loadedBoards?: unknown }
    if (body.ok !== true || !Array.isArray(body.loadedBoards)) return null
    return { url, loaded: body.loadedBoards.map(String) }
  } catch {
    return null
  }
}

/**
 * A server holding the board would not see a change written behind it, and would drop it when
 * it next compacts: refuse then. Only one address can be asked; PostgreSQL deployments with
 * several instances use Redis, and the hint says how to reach them all.
 */
async function refuseIfHeld(config: Config, boardId: string): Promise<void> {
  const redisHint = config.databaseUrl
    ? ` With servers that share boards through Redis, run this with their REDIS_URL and ` +
      `REDIS_PREFIX: the import then reaches every one of them live.`
    : ''
  // SQLite keeps a -wal file while any connection is open (or after a crash). PostgreSQL is
  // always shared, so there is nothing to learn from it.
  const othersOpen = !config.databaseUrl && fs.existsSync(`${config.sqliteFile}-wal`)
  const server = await probeServer(config)
  if (server?.loaded.includes(boardId))
    throw new CliError(
      `the server at ${server.url} holds board ${boardId} in memory and would not see this ` +
        `import (and would overwrite it). Stop the server, or wait until nobody has the board ` +
        `open and it has been unloaded (ROOM_IDLE_MS), then run this again.${redisHint} ` +
        `Nothing was changed.`,
    )
  if (server)
    console.error(
      `note: the server at ${server.url} does not hold board ${boardId} now; it loads the ` +
        `import the next time someone opens the board.${redisHint}`,
    )
  else if (othersOpen)
    console.error(
      `warning: another process has ${config.sqliteFile} open, perhaps a server on another ` +
        `HOST/PORT. If a server holds board ${boardId} in memory now, it does not see this ` +
        `import and may drop it when it next stores the board: stop it and import again.`,
    )
}
