// The access store contract, run against every implementation (store.test.ts,
// store-postgres.test.ts): users, grants, share links, sessions, the change counter, and the
// secret kept across restarts, through the account rules over them.
import { afterEach, describe, expect, it } from 'vitest'
import { AccountError, accounts, parseDuration } from '../../server/access/accounts.js'
import { hashToken } from '../../server/access/tokens.js'
import type { Storage } from '../../server/storage/storage.js'
import type { OpenStorage } from '../support/open-storage.js'

const opened: Storage[] = []
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close()
})
async function track(open: OpenStorage): Promise<Storage> {
  const { storage } = await open()
  opened.push(storage)
  return storage
}

export function accessContract(name: string, open: OpenStorage): void {
  describe(`${name} access store contract`, () => {
    it('keeps users unique by name, case-insensitively, without exposing the hash', async () => {
      const storage = await track(open)
      const store = storage.access
      const admin = accounts(store)
      const user = await admin.addUser('Li.Na', 'a-long-password', '李娜')
      expect(user).toEqual({
        id: expect.any(String),
        name: 'Li.Na',
        displayName: '李娜',
        createdAt: expect.any(String),
      })
      expect((await store.findUserByName('li.na'))?.id).toBe(user.id)
      await expect(admin.addUser('LI.NA', 'another-password')).rejects.toThrow(
        new AccountError('user "LI.NA" already exists'),
      )
      await expect(admin.addUser('bad name', 'a-long-password')).rejects.toThrow(/bad user name/)
      await expect(admin.addUser('zhao', 'short')).rejects.toThrow(/at least 8 characters/)
      expect(await store.countUsers()).toBe(1)
    })

    it('sets, overrides and removes grants; refuses unknown boards, roles and users', async () => {
      const storage = await track(open)
      const store = storage.access
      const admin = accounts(store)
      await admin.addUser('li', 'a-long-password')
      await admin.grant('li', '*', 'viewer')
      await admin.grant('li', 'marine', 'viewer')
      await admin.grant('li', 'marine', 'editor')
      const [listed] = await admin.listUsers()
      expect(listed?.grants.map((g) => [g.boardId, g.role])).toEqual([
        ['*', 'viewer'],
        ['marine', 'editor'],
      ])
      await expect(admin.grant('li', 'shipbuilding', 'editor')).rejects.toThrow(/unknown board/)
      await expect(admin.grant('li', 'marine', 'owner')).rejects.toThrow(/unknown role "owner"/)
      await expect(admin.grant('nobody', 'marine', 'editor')).rejects.toThrow(/no user "nobody"/)
      await admin.revoke('li', 'marine')
      await expect(admin.revoke('li', 'marine')).rejects.toThrow(/has no grant/)
    })

    it('stores share links by token digest only, and revokes them once', async () => {
      const storage = await track(open)
      const store = storage.access
      const admin = accounts(store)
      const { link, token } = await admin.createShareLink('software', {
        label: 'meeting room',
        expiresInMs: parseDuration('7d'),
      })
      expect(token.length).toBeGreaterThanOrEqual(43) // 256 bits, base64url
      expect(link).toMatchObject({ boardId: 'software', role: 'viewer', label: 'meeting room' })
      expect(Date.parse(link.expiresAt ?? '') - Date.now()).toBeGreaterThan(6.9 * 86_400_000)
      expect(await store.findShareLinkByTokenHash(token)).toBeNull()
      expect((await store.findShareLinkByTokenHash(hashToken(token)))?.id).toBe(link.id)
      await admin.revokeShareLink(link.id)
      await expect(admin.revokeShareLink(link.id)).rejects.toThrow(/no active share link/)
      expect((await store.listShareLinks())[0]?.revokedAt).not.toBeNull()
      await expect(admin.createShareLink('nowhere')).rejects.toThrow(/unknown board/)
      expect(() => parseDuration('7 days')).toThrow(/bad duration/)
    })

    it('bumps the version on every change that can reduce access', async () => {
      const storage = await track(open)
      const store = storage.access
      const admin = accounts(store)
      const seen = [await store.version()]
      const step = async (fn: () => Promise<unknown>) => {
        await fn()
        seen.push(await store.version())
      }
      await step(() => admin.addUser('li', 'a-long-password'))
      await step(() => admin.grant('li', 'marine', 'editor'))
      await step(() => admin.revoke('li', 'marine'))
      const { link } = await admin.createShareLink('marine')
      await step(() => admin.revokeShareLink(link.id))
      await step(() => admin.setPassword('li', 'another-long-password'))
      await step(() => admin.removeUser('li'))
      expect(new Set(seen).size).toBe(seen.length)
    })

    it('removing a user or changing a password ends their sessions', async () => {
      const storage = await track(open)
      const store = storage.access
      const admin = accounts(store)
      const user = await admin.addUser('li', 'a-long-password')
      await admin.grant('li', '*', 'editor')
      const later = new Date(Date.now() + 60_000).toISOString()
      await store.createSession('s1', { userId: user.id, createdAt: later, expiresAt: later })
      await admin.setPassword('li', 'another-long-password')
      expect(await store.findSession('s1')).toBeNull()
      await store.createSession('s2', { userId: user.id, createdAt: later, expiresAt: later })
      await admin.removeUser('li')
      expect(await store.findSession('s2')).toBeNull()
      expect(await store.grantsOf(user.id)).toEqual([])
    })

    it('shares the database with the board store and keeps its secret across reopen', async () => {
      const { storage, reopen } = await open()
      await storage.boards.append('marine', new Uint8Array([1, 2, 3]))
      const secret = await storage.access.secret('session', () => 'generated-once')
      expect(await storage.access.secret('session', () => 'generated-twice')).toBe(secret)
      await storage.close()
      const again = await reopen()
      expect(await again.access.secret('session', () => 'other')).toBe('generated-once')
      expect((await again.boards.load('marine')).updates).toHaveLength(1)
      await again.close()
    })
  })
}
