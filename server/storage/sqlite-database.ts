// Opens the SQLite file the stores share (WAL, so the writer thread and readers work side by side).
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export interface SqliteStoreOptions {
  /** FULL syncs the WAL on every commit (survives power loss); NORMAL survives process crashes. */
  readonly synchronous?: 'FULL' | 'NORMAL'
}

/** Opens (creating its folder) the database file shared by the board and access stores. */
export function openSqliteDatabase(
  file: string,
  options: SqliteStoreOptions = {},
): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`)
  db.pragma('busy_timeout = 5000')
  return db
}
