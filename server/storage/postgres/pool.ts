// A pg connection pool whose every connection works in one schema (DATABASE_SCHEMA), plus the
// one transaction helper the PostgreSQL stores share.
import os from 'node:os'
import pg from 'pg'

// BIGINT (int8) comes back as a string by default; sequence numbers and ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

export interface PgOptions {
  readonly url: string
  /** A plain lower-case identifier (checked by the configuration); every table lives there. */
  readonly schema: string
  /** Most connections open at once (DATABASE_POOL_SIZE for the server and the CLIs). */
  readonly max?: number
}

/**
 * Connection settings for a URL. With no user in the URL, pg falls back to $USER only, which
 * services and CI often lack; libpq (psql) uses the OS user name, and so do we.
 */
export function connectionConfig(url: string): pg.ClientConfig {
  const parsed = new URL(url)
  if (parsed.username === '' && !process.env.PGUSER && !process.env.USER)
    parsed.username = encodeURIComponent(os.userInfo().username)
  return { connectionString: parsed.toString() }
}

export function createPgPool({ url, schema, max = 10 }: PgOptions): pg.Pool {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name "${schema}"`)
  const pool = new pg.Pool({ ...connectionConfig(url), max, options: `-c search_path=${schema}` })
  // An idle connection that dies (database restart) is dropped by the pool; without a listener
  // the 'error' event would crash the process. The next query opens a fresh connection.
  pool.on('error', () => {})
  return pool
}

/** Runs `fn` in one transaction on one connection, committing only if it resolves. */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query(begin)
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
