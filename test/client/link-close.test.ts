// What the server's closes mean to a board page: a role change reconnects and says so, a
// revocation stops, a restart or a lost network retries; only the first two are access changes.
import { describe, expect, it } from 'vitest'
import { accessChanged, closeCause, type Link } from '../../client/src/board/link'
import { linkText } from '../../client/src/components/StatusBadge'

const retrying = (cause: 'restarting' | 'lost' | 'access-changed'): Link => ({
  status: 'retrying',
  at: 0,
  cause,
})

describe('what a close means', () => {
  it('says on the status badge that a new role is being taken up', () => {
    // Chinese is the default locale.
    expect(linkText(retrying('access-changed'), 0)).toBe('你的权限已变更 — 正在重新连接…')
  })

  it('tells a role change from a revocation, a restart and a lost network', () => {
    expect(closeCause({ code: 1008, reason: 'access changed, reconnect' })).toBe('access-changed')
    expect(closeCause({ code: 1008, reason: 'access revoked' })).toBe('revoked')
    expect(closeCause({ code: 1001, reason: 'server shutting down' })).toBe('restarting')
    expect(closeCause({ code: 1006, reason: '' })).toBe('lost')
    // The board's room failing also says "reconnect", but is no access change.
    expect(closeCause({ code: 1011, reason: 'board unavailable, reconnect' })).toBe('lost')
    // The client gave up a silent link itself.
    expect(closeCause(null)).toBe('lost')
  })

  it('counts only role changes and revocations as access changes', () => {
    expect(accessChanged(retrying('access-changed'))).toBe(true)
    expect(accessChanged({ status: 'revoked' })).toBe(true)
    for (const link of [
      retrying('lost'),
      retrying('restarting'),
      { status: 'connecting' },
      { status: 'syncing' },
      { status: 'synced' },
      { status: 'offline' },
    ] satisfies Link[])
      expect(accessChanged(link), link.status).toBe(false)
  })
})
