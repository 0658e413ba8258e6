// HTTP API through app.request(): no port, real rooms over an in-memory SQLite store.
import fs from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { SECTORS } from '../../shared/sectors.js'
import { testApp as createTestApp } from '../support/app.js'

function testApp() {
  // No users: open mode, as on a fresh loopback install (access rules: test/access/).
  return createTestApp().app
}

describe('HTTP API', () => {
  it('lists the six sector boards with Chinese and English names', async () => {
    const res = await testApp().request('/api/boards')
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      boards: { id: string; name: { zh: string; en: string } }[]
    }
    expect(body.boards.map((b) => b.id)).toEqual(SECTORS.map((s) => s.id))
    expect(body.boards.find((b) => b.id === 'biomedicine')?.name).toEqual({
      zh: '蓝色生物医药产业',
      en: 'Blue biomedicine',
    })
  })

  it('returns each board as a snapshot that validates against the JSON Schema file', async () => {
    const ajv = new Ajv2020()
    addFormats.default(ajv)
    ajv.addFormat('base64', /^[A-Za-z0-9+/]*={0,2}$/)
    const schema = JSON.parse(
      fs.readFileSync(new URL('../../shared/snapshot.schema.json', import.meta.url), 'utf8'),
    ) as object
    const validate = ajv.compile(schema)
    const app = testApp()
    for (const { id } of SECTORS) {
      const res = await app.request(`/api/boards/${id}/snapshot`)
      expect(res.status).toBe(200)
      const snapshot = (await res.json()) as { board: { id: string }; cards: unknown[] }
      expect(validate(snapshot), JSON.stringify(validate.errors)).toBe(true)
      expect(snapshot.board.id).toBe(id)
      expect(snapshot.cards.length).toBeGreaterThan(0)
    }
  })

  it('answers unknown boards and routes with a JSON 404', async () => {
    const app = testApp()
    const unknown = await app.request('/api/boards/nope/snapshot')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({
      error: { code: 'unknown-board', message: 'no board "nope"' },
    })
    const route = await app.request('/api/nothing-here')
    expect(route.status).toBe(404)
  })
})
