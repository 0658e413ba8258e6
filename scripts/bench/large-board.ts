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

/**
 * Replaces `boardId` on our server (at `base`, e.g. http://127.0.0.1:PORT) with a generated
 * board of `cards` cards through the import endpoint, and returns the snapshot imported.
 */
export async function importBigBoard(base: string, boardId: string, cards: number) {
  const url = `${base}/api/boards/${boardId}`
  const snapshot = (await (await fetch(`${url}/snapshot`)).json()) as Snapshot
  const big = bigSnapshot(snapshot, cards)
  const response = await fetch(`${url}/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(big),
  })
  if (!response.ok) throw new Error(`import failed: ${response.status} ${await response.text()}`)
  return big
}

/** How many tiles a board page shows for `snapshot`: archived cards get none. */
export const liveCards = (snapshot: Snapshot): number =>
  snapshot.cards.filter((card) => !card.archived).length

export async function prepareLargeBoard(cards: number): Promise<LargeBoard> {
  const t0 = performance.now()
  const dataDir = tempDataDir()
  const server = await startServer('ours', { dataDir })
  try {
    await importBigBoard(`http://127.0.0.1:${server.port}`, LARGE_BOARD, cards)
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
