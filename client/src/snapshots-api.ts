// HTTP calls for a board's named snapshots.
import type { BoardDiff } from '../../shared/diff.js'
import { withToken } from './access'

export interface SnapshotInfo {
  readonly id: string
  readonly name: string
  readonly takenAt: string
  readonly takenBy: string
  readonly automatic: boolean
}

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/snapshots`

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    throw new Error(body?.error?.message ?? `${res.status}`)
  }
  return (await res.json()) as T
}

export async function listSnapshots(boardId: string): Promise<SnapshotInfo[]> {
  return (await json<{ snapshots: SnapshotInfo[] }>(await fetch(withToken(base(boardId)))))
    .snapshots
}

export async function takeSnapshot(boardId: string, name: string): Promise<SnapshotInfo> {
  return json(
    await fetch(withToken(base(boardId)), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    }),
  )
}

/** What changed from snapshot `snapshotId` to `to`: another snapshot's id, or 'now'. */
export async function diffSince(
  boardId: string,
  snapshotId: string,
  to = 'now',
): Promise<BoardDiff> {
  const path = `${base(boardId)}/${encodeURIComponent(snapshotId)}/diff?to=${encodeURIComponent(to)}`
  return json(await fetch(withToken(path)))
}

/** Replaces the board's content with a snapshot file (editors); the server keeps what it replaced. */
export async function importSnapshot(boardId: string, file: File): Promise<void> {
  await json(
    await fetch(withToken(`/api/boards/${encodeURIComponent(boardId)}/import`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: file,
    }),
  )
}

export async function restoreSnapshot(boardId: string, snapshotId: string): Promise<void> {
  await json(
    await fetch(withToken(`${base(boardId)}/${encodeURIComponent(snapshotId)}/restore`), {
      method: 'POST',
    }),
  )
}

export const snapshotUrl = (boardId: string, snapshotId: string) =>
  withToken(`${base(boardId)}/${encodeURIComponent(snapshotId)}`)
