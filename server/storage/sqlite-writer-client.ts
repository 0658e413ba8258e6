// The main thread's side of the SQLite writer thread: posts writes, settles each promise when
// the thread reports its commit, and rejects everything pending or later once the thread fails.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SqliteStoreOptions } from './sqlite-database.js'
import type { FromWriter, ToWriter, WriteRequest, WriterConfig } from './sqlite-writer-messages.js'
import type { SqliteWriter } from './sqlite-writer.js'

/**
 * The thread's module: compiled JavaScript next to this file in a build; otherwise (tsx, Vitest)
 * the TypeScript source, which the thread loads through tsx like its parent does.
 */
const threadEntry: { readonly url: URL; readonly execArgv?: string[] } = (() => {
  const js = new URL('./sqlite-writer-thread.js', import.meta.url)
  if (fs.existsSync(js)) return { url: js }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  return { url: new URL('./sqlite-writer-thread.ts', import.meta.url), execArgv: ['--import', tsx] }
})()

export interface WriterThread extends SqliteWriter {
  /** The worker itself, for tests that stop it the hard way. */
  readonly worker: Worker
}

interface Waiting {
  readonly resolve: (seq: number) => void
  readonly reject: (error: Error) => void
}

export function startWriterThread(file: string, options: SqliteStoreOptions = {}): WriterThread {
  const config: WriterConfig = { file, synchronous: options.synchronous ?? 'FULL' }
  const worker = new Worker(threadEntry.url, {
    workerData: config,
    ...(threadEntry.execArgv && { execArgv: threadEntry.execArgv }),
  })
  // Pending writes keep the process alive; an idle writer does not (see settle and write).
  worker.unref()
  const waiting = new Map<number, Waiting>()
  let outgoing: WriteRequest[] = []
  let nextId = 1
  let failure: Error | null = null
  let closing: Promise<void> | null = null
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))

  const fail = (error: Error): void => {
    failure ??= error
    for (const w of waiting.values()) w.reject(failure)
    waiting.clear()
    outgoing = []
    worker.unref()
  }

  worker.on('message', (message: FromWriter) => {
    if (message.kind === 'failed') {
      const error = new Error(`SQLite write failed: ${message.message}`)
      return fail(Object.assign(error, { code: message.code }))
    }
    message.ids.forEach((id, i) => {
      waiting.get(id)?.resolve(message.seqs[i] ?? 0)
      waiting.delete(id)
    })
    if (waiting.size === 0) worker.unref()
  })
  worker.on('error', (error) => fail(new Error('SQLite writer thread failed', { cause: error })))
  worker.on('exit', (code) => fail(new Error(`SQLite writer thread stopped (exit code ${code})`)))

  const post = (message: ToWriter): void => worker.postMessage(message)
  // Writes asked for in the same turn of the event loop cross to the thread as one message.
  const postOutgoing = (): void => {
    if (outgoing.length === 0) return
    const requests = outgoing
    outgoing = []
    post({ kind: 'write', requests })
  }

  return {
    worker,
    write(op) {
      if (closing) return Promise.reject(new Error('SQLite writer closed'))
      if (failure) return Promise.reject(failure)
      const id = nextId++
      return new Promise<number>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        if (waiting.size === 1) worker.ref()
        outgoing.push({ id, op })
        if (outgoing.length === 1) queueMicrotask(postOutgoing)
      })
    },
    close() {
      closing ??= (async () => {
        if (!failure) {
          postOutgoing()
          post({ kind: 'close' })
          worker.ref()
        }
        await exited
      })()
      return closing
    },
  }
}
