// `npm run db:migrate`: brings the PostgreSQL schema (DATABASE_SCHEMA in DATABASE_URL) up to date,
// creating it if missing. Servers do the same on start; this is for deploying ahead of them.
import { parseArgs } from 'node:util'
import { readConfig } from '../server/config.js'
import { migrate } from '../server/storage/postgres/migrations.js'
import { createPgPool } from '../server/storage/postgres/pool.js'
import { CliError, runCli } from './board-cli.js'

const USAGE = `usage: npm run db:migrate

  Creates the schema if missing and applies every migration not yet applied, in order. Safe to
  run while servers are starting or running: runs take turns, and a second run does nothing.

Environment: DATABASE_URL (required), DATABASE_SCHEMA (default public).`

await runCli(USAGE, async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { help: { type: 'boolean', short: 'h', default: false } },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const config = readConfig()
  if (!config.databaseUrl)
    throw new CliError('DATABASE_URL is not set: there is nothing to migrate')
  const schema = config.databaseSchema
  const pool = createPgPool({ url: config.databaseUrl, schema, max: 1 })
  try {
    const applied = await migrate(pool, schema)
    console.log(
      applied.length > 0
        ? `schema ${schema}: applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')}`
        : `schema ${schema}: up to date, nothing to apply`,
    )
  } finally {
    await pool.end()
  }
})
