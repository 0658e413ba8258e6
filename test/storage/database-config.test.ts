// Choosing the database: DATABASE_URL switches to PostgreSQL, DATABASE_SCHEMA picks the schema
// (default public) and is refused at start unless it is a plain identifier, and
// DATABASE_POOL_SIZE caps the connections (default 10), refused unless a whole number from 1.
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

  it('opens at most 10 PostgreSQL connections unless DATABASE_POOL_SIZE says how many', () => {
    const url = { DATABASE_URL: 'postgres://db/board' }
    expect(readConfig(url).databasePoolSize).toBe(10)
    expect(readConfig({ ...url, DATABASE_POOL_SIZE: '40' }).databasePoolSize).toBe(40)
    expect(readConfig({ ...url, DATABASE_POOL_SIZE: '1' }).databasePoolSize).toBe(1)
  })

  it('refuses a pool size that is not a whole number of connections, at least 1', () => {
    for (const bad of ['0', '-5', '2.5', 'ten', '', ' '])
      expect(() => readConfig({ DATABASE_POOL_SIZE: bad }), bad).toThrow(
        'bad configuration: DATABASE_POOL_SIZE: a whole number of connections, at least 1',
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
