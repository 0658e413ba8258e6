// Versioned schema migrations for the PostgreSQL store, run on server start and by
// `npm run db:migrate`. A small runner rather than a library: migrations are TS values, so the
// same list works under tsx, Vitest and the compiled dist/ with no files to find at run time.
import type pg from 'pg'
import { MIGRATIONS, type Migration } from './schema.js'

/**
 * Creates the schema if missing and applies, in order, each migration not yet recorded in
 * `schema_migrations`, each in its own transaction. A session advisory lock (one per schema)
 * makes instances starting together take turns: the later ones find nothing left to do.
 * Resolves with the versions applied now.
 */
export async function migrate(
  pool: pg.Pool,
  schema: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect()
  const lockKey = `sector-board:migrate:${schema}`
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey])
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
      await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
      const done = await client.query<{ version: number }>(
        `SELECT version FROM ${schema}.schema_migrations`,
      )
      const applied = new Set(done.rows.map((r) => r.version))
      const now: number[] = []
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(m.version)) continue
        await client.query('BEGIN')
        try {
          await client.query(m.sql)
          await client.query(
            `INSERT INTO ${schema}.schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
            [m.version, m.name, new Date().toISOString()],
          )
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK')
          throw new Error(`migration ${m.version} (${m.name}) failed: ${(error as Error).message}`)
        }
        now.push(m.version)
      }
      return now
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey])
    }
  } finally {
    client.release()
  }
}
