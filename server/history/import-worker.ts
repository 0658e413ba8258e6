// Worker thread entry of an import (started by import.ts): prepares the update off the main
// thread, so parsing and validating a 50 MB file does not hold up the other boards.
import { parentPort, workerData } from 'node:worker_threads'
import { prepareImportOutcome, type ImportInput } from './import-prepare.js'

const outcome = prepareImportOutcome(workerData as ImportInput)
parentPort?.postMessage(
  outcome,
  outcome.ok ? outcome.updates.map((u) => u.buffer as ArrayBuffer) : [],
)
