// The SQLite writer thread: owns the only connection that writes the board log, compactions and
// audit trail. Requests that arrive while a commit (and its fsync) runs wait in the port; the
// next commit takes all of them in one transaction, so one fsync serves every board's edits.
//
// The thread runs no event loop: it sleeps in Atomics.wait until the main thread raises the wake
// flag, takes what the port holds with receiveMessageOnPort, and commits. An edit then costs the
// thread one futex wake instead of an epoll round, an async handle and a setImmediate turn.
// So nothing here may wait on the event loop: no timers, no promises, no async better-sqlite3
// calls (backup()): they would never run.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads'
import { openSqliteDatabase } from './sqlite-database.js'
import type { FromWriter, ToWriter, WriteRequest, WriterConfig } from './sqlite-writer-messages.js'
import { prepareWrites } from './sqlite-writes.js'

if (!parentPort) throw new Error('sqlite-writer-thread runs as a worker thread')
const port: MessagePort = parentPort
const config = workerData as WriterConfig
const wake = new Int32Array(config.wake)
const db = openSqliteDatabase(config.file, { synchronous: config.synchronous })
const perform = prepareWrites(db)
const commit = db.transaction((requests: readonly WriteRequest[]) =>
  requests.map((r) => perform(r.op)),
)

const reply = (message: FromWriter): void => port.postMessage(message)

for (let running = true; running;) {
  Atomics.wait(wake, 0, 0)
  // Lowered before the port is read: a request posted from here on raises it again.
  Atomics.store(wake, 0, 0)
  const batch: WriteRequest[] = []
  let closing = false
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
    const message = received.message as ToWriter
    if (message.kind === 'close') closing = true
    else batch.push(...message.requests)
  }
  running = commitBatch(batch) && !closing
}
db.close()
port.close()

/** Commits `batch` and reports it; false once a commit failed. */
function commitBatch(batch: readonly WriteRequest[]): boolean {
  if (batch.length === 0) return true
  try {
    const seqs = commit(batch)
    reply({ kind: 'committed', ids: batch.map((r) => r.id), seqs })
    return true
  } catch (error) {
    // Fail-stop: after a failed commit (an fsync error above all) the file's state is not
    // known, so no later write may be acknowledged as durable.
    const { message, code } = error as { message?: string; code?: string }
    reply({ kind: 'failed', message: message ?? String(error), code })
    return false
  }
}
