// The large board of scenarios 5 and 6, prepared once per bench: our server imports a generated
// snapshot of N cards with notes (test/support/big-snapshot.ts) through its import endpoint and
// stores it; a full client then fetches the whole document, so the references get the very same
// bytes. The data folder is kept as a template that each run of ours starts from a copy of.
import fs from 'node:fs'
import * as Y from 'yjs'
import type { Snapshot } from '../../shared/snapshot.js'
import { bigSnapshot } from '../../test/support/big-snapshot.js'
import { FullClient } from './full-client.js'
import type { LargeBoard } from './scenario.js'
import { startServer, tempDataDir } from './servers.js'

export const LARGE_BOARD = 'marine'

export async function prepareLargeBoard(cards: number): Promise<LargeBoard> {
  const t0 = performance.now()
  const dataDir = tempDataDir()
  const server = await startServer('ours', { dataDir })
  try {
    const base = `http://127.0.0.1:${server.port}/api/boards/${LARGE_BOARD}`
    const snapshot = (await (await fetch(`${base}/snapshot`)).json()) as Snapshot
    const response = await fetch(`${base}/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bigSnapshot(snapshot, cards)),
    })
    if (!response.ok) throw new Error(`import failed: ${response.status} ${await response.text()}`)
    const client = new FullClient('ours', server.port, LARGE_BOARD)
    await client.synced
    const update = Y.encodeStateAsUpdate(client.doc)
    client.close()
    const seconds = ((performance.now() - t0) / 1000).toFixed(1)
    console.log(
      `  large board: ${cards} cards, ${(update.length / 1024).toFixed(0)} KB update, ${seconds} s to prepare`,
    )
    return { board: LARGE_BOARD, cards, update, dataDir }
  } finally {
    await server.stop(true)
  }
}

/** A fresh copy of the template data folder, for one run of our server. */
export function copyDataDir(template: string): string {
  const dir = tempDataDir()
  fs.cpSync(template, dir, { recursive: true })
  return dir
}
