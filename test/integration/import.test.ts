// Importing over a real server: everyone connected sees the import at once, as one update, and
// the restore of the automatic snapshot; an oversized body is refused over the socket too.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RunningServer } from '../../server/server.js'
import type { SnapshotInfo } from '../../server/storage/snapshot-store.js'
import { parseSnapshot, toSnapshot, type Snapshot } from '../../shared/snapshot.js'
import { joinBoard, type BoardClient } from '../support/clients.js'
import { content, edited } from '../support/edit-snapshot.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const servers: RunningServer[] = []
const clients: BoardClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  for (const s of servers.splice(0)) await s.close()
})

describe('import on a live server', () => {
  it('is seen live by connected clients, in one update; restoring undoes it', async () => {
    const server = await startTestServer(tempDataDir(), {
      ROOM_IDLE_MS: '600000',
      MAX_IMPORT_BYTES: '200000',
    })
    servers.push(server)
    const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api${path}`, init)
    const original = parseSnapshot(await (await api('/boards/marine/snapshot')).json())
    const client = await joinBoard(server.url, 'marine')
    clients.push(client)
    const seen: Snapshot[] = []
    client.doc.on('update', () => seen.push(toSnapshot(client.doc)))

    const changed = edited(original)
    const res = await api('/boards/marine/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(changed),
    })
    expect(res.status).toBe(200)
    const { savedBefore } = (await res.json()) as { savedBefore: SnapshotInfo }
    await vi.waitFor(() => expect(content(toSnapshot(client.doc))).toEqual(content(changed)))
    // One update took the client from the old board to the imported one: no partial state.
    expect(seen).toHaveLength(1)

    const restored = await api(`/boards/marine/snapshots/${savedBefore.id}/restore`, {
      method: 'POST',
    })
    expect(restored.status).toBe(200)
    await vi.waitFor(() => expect(content(toSnapshot(client.doc))).toEqual(content(original)))

    // Over the limit: refused from Content-Length, before anything is parsed.
    const tooLarge = await api('/boards/marine/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(200_001),
    })
    expect(tooLarge.status).toBe(413)
    expect(await tooLarge.json()).toMatchObject({ error: { code: 'too-large' } })
    expect(content(toSnapshot(client.doc))).toEqual(content(original))
  })
})
