// Loaded into every server under test (`node --expose-gc --import <this>`): on SIGUSR2 the server
// collects garbage and writes process.memoryUsage() to BENCH_MEMORY_FILE, so the idle scenario
// reads memory really held, not garbage not yet collected. Nothing else in the server changes.
// Plain JavaScript, so the reference server runs under plain node, without tsx's loader.
/* global process */
import fs from 'node:fs'

process.on('SIGUSR2', () => {
  globalThis.gc?.()
  const file = process.env.BENCH_MEMORY_FILE
  if (file) fs.writeFileSync(file, JSON.stringify(process.memoryUsage()))
})
