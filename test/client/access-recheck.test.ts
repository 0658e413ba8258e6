// A board page asks the server who it is again only when the server closed its link because the
// person's access changed (1008), never on other reconnects; and it does not write with its old
// role until the answer is in.
import { createRoot, createSignal } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { createAccessRecheck } from '../../client/src/board/access-recheck'
import type { Link } from '../../client/src/board/link'

const retrying = (cause: 'restarting' | 'lost' | 'access-changed'): Link => ({
  status: 'retrying',
  at: 0,
  cause,
})

/** A recheck following a link the test drives; each question waits for `answer()`. */
function followedLink() {
  const [link, setLink] = createSignal<Link>({ status: 'connecting' })
  const answers: (() => void)[] = []
  let asked = 0
  const ask = () => {
    asked++
    return new Promise<void>((resolve) => answers.push(resolve))
  }
  const { recheck, dispose } = createRoot((dispose) => {
    const recheck = createAccessRecheck(ask)
    recheck.follow(link)
    return { recheck, dispose }
  })
  const answer = async () => {
    answers.shift()?.()
    await Promise.resolve()
  }
  return { setLink, recheck, asked: () => asked, answer, dispose }
}

describe('asking again who this is', () => {
  it('asks once per access close and never on an ordinary reconnect', async () => {
    const { setLink, asked, answer, dispose } = followedLink()
    setLink({ status: 'synced' })
    setLink(retrying('lost'))
    setLink({ status: 'connecting' })
    setLink(retrying('restarting'))
    setLink({ status: 'synced' })
    expect(asked()).toBe(0)

    setLink(retrying('access-changed'))
    expect(asked()).toBe(1)
    await answer()
    setLink({ status: 'syncing' })
    setLink({ status: 'synced' })
    expect(asked()).toBe(1)

    // The next role change asks again; a revocation too.
    setLink(retrying('access-changed'))
    expect(asked()).toBe(2)
    await answer()
    setLink({ status: 'revoked' })
    expect(asked()).toBe(3)
    dispose()
  })

  it('holds writes back from the close until the server has answered', async () => {
    const { setLink, recheck, answer, dispose } = followedLink()
    setLink({ status: 'synced' })
    expect(recheck.pending()).toBe(false)
    setLink(retrying('access-changed'))
    expect(recheck.pending()).toBe(true)
    // Reconnecting does not end it: only the answer does.
    setLink({ status: 'synced' })
    expect(recheck.pending()).toBe(true)
    await answer()
    await Promise.resolve()
    expect(recheck.pending()).toBe(false)
    dispose()
  })

  it('stops following the link when the page is gone', () => {
    const { setLink, asked, dispose } = followedLink()
    dispose()
    setLink(retrying('access-changed'))
    expect(asked()).toBe(0)
  })
})
