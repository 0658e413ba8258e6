// Role resolution: open mode, sessions with grants, share links.
import { describe, expect, it } from 'vitest'
import { accounts } from '../../server/access/accounts.js'
import { resolveAccess, type Access } from '../../server/access/resolve.js'
import { hashToken } from '../../server/access/tokens.js'
import { createSqliteAccessStore } from '../../server/storage/sqlite-access.js'
import { SECTORS } from '../../shared/sectors.js'

const rolesOf = (access: Access) =>
  Object.fromEntries(SECTORS.map((s) => [s.id, access.roleFor(s.id)]))

async function sessionFor(store: ReturnType<typeof createSqliteAccessStore>, name: string) {
  const user = await store.findUserByName(name)
  const at = new Date().toISOString()
  const expiresAt = new Date(Date.now() + 60_000).toISOString()
  await store.createSession(`hash-${name}`, { userId: user?.id ?? '', createdAt: at, expiresAt })
  return `hash-${name}`
}

describe('resolveAccess', () => {
  it('open mode: with no user at all, everyone edits every board', async () => {
    const store = createSqliteAccessStore(':memory:')
    const access = await resolveAccess(store, {})
    expect(access.principal.kind).toBe('open')
    expect(access.mode).toBe('open')
    for (const role of Object.values(rolesOf(access))) expect(role).toBe('editor')
    // Not on a non-loopback bind or Host (see resolve.ts).
    const remote = await resolveAccess(store, { openModeAllowed: false })
    expect(remote.principal.kind).toBe('anonymous')
    expect(remote.roleFor('marine')).toBeNull()
  })

  it('accounts mode: anonymous callers get nothing; users get their grants', async () => {
    const store = createSqliteAccessStore(':memory:')
    const admin = accounts(store)
    await admin.addUser('li', 'a-long-password')
    await admin.grant('li', '*', 'editor')
    await admin.grant('li', 'marine', 'viewer') // the board's own grant overrides *
    await admin.addUser('zhao', 'a-long-password')
    await admin.grant('zhao', 'software', 'viewer')

    const anonymous = await resolveAccess(store, {})
    expect(anonymous.mode).toBe('accounts')
    expect(anonymous.principal.kind).toBe('anonymous')
    expect(Object.values(rolesOf(anonymous)).every((r) => r === null)).toBe(true)
    expect((await resolveAccess(store, { sessionHash: 'forged' })).principal.kind).toBe('anonymous')

    const li = await resolveAccess(store, { sessionHash: await sessionFor(store, 'li') })
    expect(li.principal).toMatchObject({ kind: 'user', user: { name: 'li' } })
    expect(li.principal).not.toHaveProperty('user.passwordHash')
    expect(li.roleFor('marine')).toBe('viewer')
    expect(li.roleFor('software')).toBe('editor')

    const zhao = await resolveAccess(store, { sessionHash: await sessionFor(store, 'zhao') })
    expect(rolesOf(zhao)).toMatchObject({ software: 'viewer', marine: null })
  })

  it('expired sessions give no access', async () => {
    const store = createSqliteAccessStore(':memory:')
    const user = await accounts(store).addUser('li', 'a-long-password')
    await accounts(store).grant('li', '*', 'editor')
    const past = new Date(Date.now() - 1000).toISOString()
    await store.createSession('old', { userId: user.id, createdAt: past, expiresAt: past })
    expect((await resolveAccess(store, { sessionHash: 'old' })).roleFor('marine')).toBeNull()
  })

  it('share links: viewer on their board (or all), even in open mode; dead links refused', async () => {
    const store = createSqliteAccessStore(':memory:')
    const admin = accounts(store)
    const one = await admin.createShareLink('marine', { label: 'wall' })
    const all = await admin.createShareLink('*')
    const short = await admin.createShareLink('marine', { expiresInMs: 1 })

    const viaOne = await resolveAccess(store, { tokenHash: hashToken(one.token) })
    expect(viaOne.mode).toBe('open')
    expect(rolesOf(viaOne)).toMatchObject({ marine: 'viewer', software: null })
    const viaAll = await resolveAccess(store, { tokenHash: hashToken(all.token) })
    expect(Object.values(rolesOf(viaAll)).every((r) => r === 'viewer')).toBe(true)

    await new Promise((resolve) => setTimeout(resolve, 5))
    const expired = await resolveAccess(store, { tokenHash: hashToken(short.token) })
    expect(expired.principal).toEqual({ kind: 'anonymous', refused: 'invalid-share-link' })
    await admin.revokeShareLink(one.link.id)
    const revoked = await resolveAccess(store, { tokenHash: hashToken(one.token) })
    expect(revoked.roleFor('marine')).toBeNull()
    const unknown = await resolveAccess(store, { tokenHash: hashToken('guessed') })
    expect(unknown.principal).toEqual({ kind: 'anonymous', refused: 'invalid-share-link' })
  })
})
