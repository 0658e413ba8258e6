// Passwords: scrypt with a per-hash salt and stored parameters; never kept in clear.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { accounts } from '../../server/access/accounts.js'
import { hashPassword, verifyPassword } from '../../server/access/password.js'
import { createSqliteAccessStore } from '../../server/storage/sqlite-access.js'
import { tempDataDir } from '../support/server.js'

describe('password hashing', () => {
  it('stores a salted scrypt hash that verifies only the right password', async () => {
    const password = 'hunter2-but-longer-海洋'
    const hash = await hashPassword(password)
    expect(hash).not.toContain(password)
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(await verifyPassword(password, hash)).toBe(true)
    expect(await verifyPassword('hunter2-but-longer-海', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
    // A fresh salt each time: the same password never hashes alike.
    expect(await hashPassword(password)).not.toBe(hash)
  })

  it('refuses malformed stored hashes instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$x$8$1$c2FsdA==$aGFzaA==', 'bcrypt$1$2$3$4$5'])
      expect(await verifyPassword('whatever-password', bad)).toBe(false)
  })

  it('never writes the password into the database file', async () => {
    const dir = tempDataDir()
    const file = path.join(dir, 'sector-board.sqlite')
    const store = createSqliteAccessStore(file)
    const admin = accounts(store)
    const first = 'first-Secret-Passw0rd'
    const second = 'second-Secret-Passw0rd'
    await admin.addUser('wang', first, '王芳')
    await admin.setPassword('wang', second)
    const stored = (await store.findUserByName('wang'))?.passwordHash ?? ''
    expect(await verifyPassword(second, stored)).toBe(true)
    expect(await verifyPassword(first, stored)).toBe(false)

    const bytes = () =>
      Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))))
    for (const password of [first, second]) {
      expect(bytes().includes(Buffer.from(password, 'utf8'))).toBe(false)
      expect(bytes().includes(Buffer.from(password, 'utf16le'))).toBe(false)
    }
    await store.close()
    for (const password of [first, second])
      expect(bytes().includes(Buffer.from(password, 'utf8'))).toBe(false)
  })
})
