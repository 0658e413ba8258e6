// Work a page can put off until what it just rendered is on screen.

/** Runs `fn` after the next frame is drawn (or after a second: hidden tabs draw no frames). */
export function afterPaint(fn: () => void): void {
  let done = false
  const once = () => {
    if (done) return
    done = true
    fn()
  }
  requestAnimationFrame(() => setTimeout(once, 0))
  setTimeout(once, 1_000)
}
