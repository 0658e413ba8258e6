// Watches a board's link for the server closing it because this person's access changed
// (link.ts) and then asks who they are again. Until that answer arrives the old role is not
// trusted to write: an edit made as an editor just demoted would be dropped by the server.
import { createEffect, createSignal, on, type Accessor } from 'solid-js'
import { accessChanged, type Link } from './link'

export interface AccessRecheck {
  /** True from such a close until the server has answered. */
  readonly pending: Accessor<boolean>
  /** Asks again each time `link` closes because access changed (never on other reconnects). */
  follow(link: Accessor<Link>): void
}

/** `ask` asks the server who this is and settles once the app holds the answer. */
export function createAccessRecheck(ask: () => Promise<void>): AccessRecheck {
  const [asking, setAsking] = createSignal(0)
  const recheck = async () => {
    setAsking((n) => n + 1)
    try {
      await ask()
    } catch {
      // The role stays as it was; the server still enforces it, and its next close asks again.
    } finally {
      setAsking((n) => n - 1)
    }
  }
  return {
    pending: () => asking() > 0,
    follow(link) {
      createEffect(
        on(link, (current) => {
          if (accessChanged(current)) void recheck()
        }),
      )
    },
  }
}
