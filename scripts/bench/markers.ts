// Edit markers: every benchmark edit inserts a unique `⟦<id>⟧` into the board. Yjs encodes
// inserted strings as UTF-8 inside the update, so a client that never applies updates can still
// tell which edit a frame carries by scanning its bytes, and time it against the send.
const OPEN = Buffer.from('⟦')
const CLOSE = Buffer.from('⟧')

export function marker(id: number): string {
  return `⟦${id.toString(36)}⟧`
}

/** Calls `found` with the id of each marker in `frame`, from byte `from` on. */
export function scanMarkers(frame: Buffer, from: number, found: (id: number) => void): void {
  let at = frame.indexOf(OPEN, from)
  while (at !== -1) {
    const start = at + OPEN.length
    const end = frame.indexOf(CLOSE, start)
    if (end === -1 || end - start > 12) return
    const id = Number.parseInt(frame.toString('latin1', start, end), 36)
    if (Number.isFinite(id)) found(id)
    at = frame.indexOf(OPEN, end + CLOSE.length)
  }
}

/** Send times and receipts of the markers of one load run. */
export class MarkerLog {
  private nextId = 1
  readonly sentAt = new Map<number, number>()
  /** Latency of every receipt, in ms, with its receive time, for window filtering. */
  readonly receipts: { sentAt: number; latency: number }[] = []
  duplicates = 0

  next(): { id: number; text: string } {
    const id = this.nextId++
    return { id, text: marker(id) }
  }

  sent(id: number): void {
    this.sentAt.set(id, performance.now())
  }

  received(id: number): void {
    const sentAt = this.sentAt.get(id)
    if (sentAt === undefined) return
    this.receipts.push({ sentAt, latency: performance.now() - sentAt })
  }
}
