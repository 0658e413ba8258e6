// Where the SQLite stores' writes go. A database file gets a writer thread that commits every
// write queued since its last commit in one transaction (one fsync), off the event loop; an
// in-memory database (tests, nothing else can open it) writes inline, one transaction per write.
import type Database from 'better-sqlite3'
import type { SqliteStoreOptions } from './sqlite-database.js'
import { startWriterThread } from './sqlite-writer-client.js'
import { prepareWrites, type SqliteWriter } from './sqlite-writes.js'

export type { SqliteWriter } from './sqlite-writes.js'

/** The writer for `db`, which was opened on `file` with `options`. */
export function sqliteWriterFor(
  db: Database.Database,
  file: string,
  options: SqliteStoreOptions = {},
): SqliteWriter {
  return file === ':memory:' ? inlineWriter(db) : startWriterThread(file, options)
}

/** Writes synchronously on `db`, each in its own transaction. */
export function inlineWriter(db: Database.Database): SqliteWriter {
  const perform = prepareWrites(db)
  const inTransaction = db.transaction(perform)
  let closed = false
  return {
    async write(op) {
      if (closed) throw new Error('SQLite writer closed')
      return inTransaction(op)
    },
    async close() {
      closed = true
    },
  }
}
