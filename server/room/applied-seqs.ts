// Which stored updates a room's document already holds, by sequence number. With several
// instances appending to one board, updates arrive out of order; the room may compact only
// through the highest number below which nothing is missing, and a gap means it must catch up.
export class AppliedSeqs {
  private through: number
  /** Applied numbers above `through`, waiting for the gap below them to fill. */
  private readonly ahead = new Set<number>()

  constructor(through: number) {
    this.through = through
  }

  /** Every update numbered up to this one is in the document. */
  get contiguousThrough(): number {
    return this.through
  }

  /** True while some update below an applied one has not arrived. */
  get hasGap(): boolean {
    return this.ahead.size > 0
  }

  add(seq: number): void {
    if (seq <= this.through) return
    this.ahead.add(seq)
    while (this.ahead.delete(this.through + 1)) this.through++
  }

  /** Everything up to `seq` is in the document (after catching up from storage). */
  addThrough(seq: number): void {
    if (seq <= this.through) return
    this.through = seq
    for (const ahead of this.ahead) if (ahead <= seq) this.ahead.delete(ahead)
    while (this.ahead.delete(this.through + 1)) this.through++
  }
}
