// Choosing the database: DATABASE_URL switches to PostgreSQL, DATABASE_SCHEMA picks the schema
// (default public) and is refused at start unless it is a plain identifier.
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config.js'

describe('database configuration', () => {
  it('uses the SQLite file unless DATABASE_URL is set, and the public schema by default', () => {
    const plain = readConfig({ DATA_DIR: '/srv/board' })
    expect(plain.databaseUrl).toBeUndefined()
    expect(plain.databaseSchema).toBe('public')
    const pg = readConfig({ DATABASE_URL: 'postgres://db/board', DATABASE_SCHEMA: 'sector_2' })
    expect(pg).toMatchObject({ databaseUrl: 'postgres://db/board', databaseSchema: 'sector_2' })
  })

  it('refuses a schema name that is not a plain lower-case identifier', () => {
    for (const bad of ['Board', 'sector-board', 'x; DROP TABLE board', '1st', ''])
      expect(() => readConfig({ DATABASE_SCHEMA: bad })).toThrow(
        /bad configuration: DATABASE_SCHEMA: a lower-case SQL identifier/,
      )
  })

  it('refuses REDIS_URL without DATABASE_URL: instances can only share boards in PostgreSQL', () => {
    expect(() => readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /REDIS_URL: needs DATABASE_URL/,
    )
    expect(
      readConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://db/board' })
        .redisUrl,
    ).toBe('redis://127.0.0.1:6379')
  })
})
