// Applies a whole new string to a Y.Text as the smallest single splice, so a field saved from an
// input box merges with what others typed elsewhere in the same text.
import type * as Y from 'yjs'

export function applyTextChange(text: Y.Text, next: string): void {
  const current = text.toString()
  if (current === next) return
  let start = 0
  const maxStart = Math.min(current.length, next.length)
  while (start < maxStart && current[start] === next[start]) start++
  let end = 0
  const maxEnd = Math.min(current.length, next.length) - start
  while (end < maxEnd && current[current.length - 1 - end] === next[next.length - 1 - end]) end++
  const removed = current.length - start - end
  if (removed > 0) text.delete(start, removed)
  const inserted = next.slice(start, next.length - end)
  if (inserted) text.insert(start, inserted)
}
