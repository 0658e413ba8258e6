// Every HTTP route that writes a board refuses an anonymous caller (401) and a viewer (403), and
// changes nothing; an editor gets through.
import { describe, expect, it } from 'vitest'
import { createSqliteAccessStore } from '../../server/storage/sqlite-access.js'
import { addUser, cookieOf, PASSWORD } from '../support/access.js'
import { testApp } from '../support/app.js'

const post = (body: unknown, cookie?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
})

describe('write routes', () => {
  it('refuse anonymous callers and viewers, and let editors write', async () => {
    const access = createSqliteAccessStore(':memory:')
    await addUser(access, 'editor', [['software', 'editor']])
    await addUser(access, 'viewer', [['software', 'viewer']])
    const { app } = testApp({ access })
    const cookie = async (userName: string) =>
      cookieOf(await app.request('/api/session', post({ userName, password: PASSWORD })))
    const editor = await cookie('editor')
    const viewer = await cookie('viewer')

    const taken = await app.request(
      '/api/boards/software/snapshots',
      post({ name: 'base' }, editor),
    )
    expect(taken.status).toBe(201)
    const { id } = (await taken.json()) as { id: string }

    const writes = [
      ['/api/boards/software/snapshots', { name: 'x' }],
      [`/api/boards/software/snapshots/${id}/restore`, {}],
      ['/api/boards/software/import', {}],
    ] as const
    for (const [path, body] of writes) {
      expect((await app.request(path, post(body))).status, `anonymous ${path}`).toBe(401)
      expect((await app.request(path, post(body, viewer))).status, `viewer ${path}`).toBe(403)
    }
    const list = await app.request('/api/boards/software/snapshots', {
      headers: { cookie: viewer },
    })
    expect(((await list.json()) as { snapshots: unknown[] }).snapshots).toHaveLength(1)
    const restored = await app.request(
      `/api/boards/software/snapshots/${id}/restore`,
      post({}, editor),
    )
    expect(restored.status).toBe(200)
    const board = await app.request('/api/boards/software/snapshot', {
      headers: { cookie: viewer },
    })
    const imported = await app.request(
      '/api/boards/software/import',
      post(await board.json(), editor),
    )
    expect(imported.status).toBe(200)
  })
})
