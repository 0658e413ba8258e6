// Puts the same board content into every server. Ours seeds a sector board itself on first load;
// the references start with empty rooms, so a full client seeds the same content into them.
// The seeding client stays connected until the scenario's own clients hold the room (the
// reference drops a room's document when its last client leaves).
import * as Y from 'yjs'
import { isBoardId } from '../../shared/sectors.js'
import { seedBoard } from '../../shared/seed/index.js'
import { FullClient } from './full-client.js'
import type { LightClient } from './light-client.js'
import type { RunningServer } from './servers.js'

export async function holdBoard(server: RunningServer, board: string, content?: Uint8Array) {
  const doc = new Y.Doc()
  if (server.kind !== 'ours') {
    if (content) Y.applyUpdate(doc, content)
    else if (isBoardId(board)) seedBoard(doc, board)
  }
  const seeder = new FullClient(server.kind, server.port, board, doc)
  await seeder.synced
  if (server.kind !== 'ours') {
    seeder.pushAll()
    // A second client's full sync proves the server applied what was pushed.
    const want = Y.encodeStateVector(doc)
    for (let attempt = 0; ; attempt++) {
      const probe = new FullClient(server.kind, server.port, board)
      await probe.synced
      const same = Buffer.from(Y.encodeStateVector(probe.doc)).equals(Buffer.from(want))
      probe.close()
      if (same) break
      if (attempt > 100) throw new Error(`${server.kind} did not take the seeded ${board}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return seeder
}

/** Opens clients `batch` at a time and waits for each batch's sync. */
export async function connectAll<T extends LightClient | FullClient>(
  make: (i: number) => T,
  count: number,
  batch = 50,
): Promise<T[]> {
  const clients: T[] = []
  for (let i = 0; i < count; i += batch) {
    const group = Array.from({ length: Math.min(batch, count - i) }, (_, j) => make(i + j))
    clients.push(...group)
    await Promise.all(group.map((c) => c.synced))
  }
  return clients
}
