// `npm run db:copy-sqlite -- [--from file]`: moves a SQLite deployment to PostgreSQL
// (DATABASE_URL, DATABASE_SCHEMA). Refuses, changing nothing, when the target already has data.
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { readConfig } from '../server/config.js'
import { migrate } from '../server/storage/postgres/migrations.js'
import { createPgPool } from '../server/storage/postgres/pool.js'
import { CliError, runCli, UsageError } from './board-cli.js'
import { copySqliteToPostgres, TargetNotEmptyError } from './sqlite-to-postgres.js'

const USAGE = `usage: npm run db:copy-sqlite -- [--from path/to/sector-board.sqlite]

  Copies everything in a SQLite database (default: DATA_DIR/sector-board.sqlite) into the
  PostgreSQL schema: boards, named snapshots, the audit trail, users, grants, share links,
  sessions and the session secret, so people keep signing in as before. One transaction: all or
  nothing. The target must hold no boards, users or snapshots. Stop the SQLite server first, so
  no edit is made after the copy.

Environment: DATABASE_URL (required), DATABASE_SCHEMA (default public), DATA_DIR.`

await runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  if (positionals.length > 0) throw new UsageError(`unexpected "${positionals.join(' ')}"`)
  const config = readConfig()
  if (!config.databaseUrl) throw new CliError('DATABASE_URL is not set: where should I copy to?')
  const from = values.from ?? config.sqliteFile
  if (!fs.existsSync(from)) throw new CliError(`no SQLite database at ${from}`)
  if (fs.existsSync(`${from}-wal`))
    console.error(
      `note: ${from} may be open in a running server; edits made after this copy are not copied`,
    )

  const src = new Database(from, { readonly: true, fileMustExist: true })
  const schema = config.databaseSchema
  const pool = createPgPool({ url: config.databaseUrl, schema, max: 1 })
  try {
    await migrate(pool, schema)
    const n = await copySqliteToPostgres(src, pool)
    console.log(
      `copied ${from} to schema ${schema}: ${n.boards} boards, ${n.snapshots} snapshots, ` +
        `${n.auditEntries} audit entries, ${n.users} users, ${n.grants} grants, ` +
        `${n.shareLinks} share links, ${n.sessions} sessions`,
    )
  } catch (error) {
    if (error instanceof TargetNotEmptyError)
      throw new CliError(
        `schema ${schema} already holds boards, users or snapshots; nothing was copied. Copy ` +
          `into an empty schema (set DATABASE_SCHEMA), or drop this one first ` +
          `(DROP SCHEMA ${schema} CASCADE) if you mean to replace it.`,
      )
    throw error
  } finally {
    src.close()
    await pool.end()
  }
})
