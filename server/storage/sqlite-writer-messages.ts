// What the main thread and the SQLite writer thread say to each other.
import type { WriteOp } from './sqlite-writes.js'

export interface WriterConfig {
  readonly file: string
  readonly synchronous: 'FULL' | 'NORMAL'
  /** One Int32: the main thread sets it to 1 and notifies after posting to the thread. */
  readonly wake: SharedArrayBuffer
}

export interface WriteRequest {
  readonly id: number
  readonly op: WriteOp
}

export type ToWriter =
  | { readonly kind: 'write'; readonly requests: readonly WriteRequest[] }
  /** Commit what is queued, close the database and end the thread. */
  | { readonly kind: 'close' }

export type FromWriter =
  /** One commit: every request in it, with the sequence number each write returned. */
  | {
      readonly kind: 'committed'
      readonly ids: readonly number[]
      readonly seqs: readonly number[]
    }
  /** A commit failed; the thread stops, and nothing after it is written. */
  | { readonly kind: 'failed'; readonly message: string; readonly code: string | undefined }
