// The main thread's side of the SQLite writer thread: posts writes, settles each promise when
// the thread reports its commit, and rejects everything pending or later once the thread fails.
import { Worker } from 'node:worker_threads'
import type { SqliteStoreOptions } from './sqlite-database.js'
import type { FromWriter, ToWriter, WriteRequest, WriterConfig } from './sqlite-writer-messages.js'
import { writerThreadEntry } from './sqlite-writer-entry.js'
import type { SqliteWriter } from './sqlite-writes.js'

export interface WriterThread extends SqliteWriter {
  /** The worker itself, for tests that stop it the hard way. */
  readonly worker: Worker
}

interface Waiting {
  readonly resolve: (seq: number) => void
  readonly reject: (error: Error) => void
}

/**
 * A writer for `file` whose thread starts with the first write (a store that is only read, as
 * in most CLI commands, never starts one).
 */
export function startWriterThread(file: string, options: SqliteStoreOptions = {}): WriterThread {
  const config: WriterConfig = {
    file,
    synchronous: options.synchronous ?? 'FULL',
    wake: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
  }
  const wake = new Int32Array(config.wake)
  const waiting = new Map<number, Waiting>()
  let thread: { readonly worker: Worker; readonly exited: Promise<void> } | null = null
  let outgoing: WriteRequest[] = []
  let nextId = 1
  let failure: Error | null = null
  let closing: Promise<void> | null = null

  const fail = (error: Error): void => {
    failure ??= error
    for (const w of waiting.values()) w.reject(failure)
    waiting.clear()
    outgoing = []
    thread?.worker.unref()
  }

  const onMessage = (message: FromWriter): void => {
    if (message.kind === 'failed') {
      const error = new Error(`SQLite write failed: ${message.message}`)
      return fail(Object.assign(error, { code: message.code }))
    }
    message.ids.forEach((id, i) => {
      waiting.get(id)?.resolve(message.seqs[i] ?? 0)
      waiting.delete(id)
    })
    if (waiting.size === 0) thread?.worker.unref()
  }

  const started = (): Worker => {
    if (thread) return thread.worker
    const entry = writerThreadEntry()
    const worker = new Worker(entry.source, { workerData: config, eval: entry.eval })
    // Pending writes keep the process alive; an idle writer does not.
    worker.unref()
    worker.on('message', onMessage)
    worker.on('error', (error) => fail(new Error('SQLite writer thread failed', { cause: error })))
    worker.on('exit', (code) => fail(new Error(`SQLite writer thread stopped (exit code ${code})`)))
    thread = { worker, exited: new Promise((resolve) => worker.once('exit', () => resolve())) }
    return worker
  }

  /** Posts to the thread and wakes it (it sleeps in Atomics.wait, see sqlite-writer-thread.ts). */
  const post = (worker: Worker, message: ToWriter): void => {
    worker.postMessage(message)
    Atomics.store(wake, 0, 1)
    Atomics.notify(wake, 0)
  }

  // Writes asked for in the same turn of the event loop cross to the thread as one message.
  const postOutgoing = (): void => {
    if (outgoing.length === 0 || failure) return
    const requests = outgoing
    outgoing = []
    post(started(), { kind: 'write', requests })
  }

  return {
    get worker() {
      return started()
    },
    write(op) {
      if (closing) return Promise.reject(new Error('SQLite writer closed'))
      if (failure) return Promise.reject(failure)
      const id = nextId++
      return new Promise<number>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        if (waiting.size === 1) started().ref()
        outgoing.push({ id, op })
        if (outgoing.length === 1) queueMicrotask(postOutgoing)
      })
    },
    close() {
      closing ??= (async () => {
        postOutgoing()
        if (!thread) return
        if (!failure) {
          post(thread.worker, { kind: 'close' })
          thread.worker.ref()
        }
        await thread.exited
      })()
      return closing
    },
  }
}
