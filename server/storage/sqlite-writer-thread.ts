// The SQLite writer thread: owns the only connection that writes the board log, compactions and
// audit trail. Requests that arrive while a commit (and its fsync) runs wait in the port; the
// next commit takes all of them in one transaction, so one fsync serves every board's edits.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { openSqliteDatabase } from './sqlite-database.js'
import type { FromWriter, ToWriter, WriteRequest, WriterConfig } from './sqlite-writer-messages.js'
import { prepareWrites } from './sqlite-writes.js'

if (!parentPort) throw new Error('sqlite-writer-thread runs as a worker thread')
const port: MessagePort = parentPort
const config = workerData as WriterConfig
const db = openSqliteDatabase(config.file, { synchronous: config.synchronous })
const perform = prepareWrites(db)
const commit = db.transaction((requests: readonly WriteRequest[]) =>
  requests.map((r) => perform(r.op)),
)

let queued: WriteRequest[] = []
let scheduled = false
let closing = false

const reply = (message: FromWriter): void => port.postMessage(message)

port.on('message', (message: ToWriter) => {
  if (message.kind === 'close') closing = true
  else queued.push(...message.requests)
  // After the port has handed over everything already waiting, so they share the commit.
  if (!scheduled) {
    scheduled = true
    setImmediate(commitQueued)
  }
})

function commitQueued(): void {
  scheduled = false
  const batch = queued
  queued = []
  if (batch.length > 0) {
    try {
      const seqs = commit(batch)
      reply({ kind: 'committed', ids: batch.map((r) => r.id), seqs })
    } catch (error) {
      // Fail-stop: after a failed commit (an fsync error above all) the file's state is not
      // known, so no later write may be acknowledged as durable.
      const { message, code } = error as { message?: string; code?: string }
      reply({ kind: 'failed', message: message ?? String(error), code })
      return stop()
    }
  }
  if (closing) stop()
}

function stop(): void {
  db.close()
  port.close()
}
