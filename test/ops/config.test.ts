// The operations settings read from the environment: heartbeat, proxy trust and cookie security.
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config.js'

describe('operations configuration', () => {
  it('has safe defaults: 30 s pings, no proxy trusted, cookies Secure only over https', () => {
    const config = readConfig({})
    expect(config.wsPingMs).toBe(30_000)
    expect(config.trustedProxies).toBe(0)
    expect(config.secureCookies).toBeUndefined()
  })

  it('reads TRUST_PROXY as on/off or a number of proxies', () => {
    const proxies = (value: string) => readConfig({ TRUST_PROXY: value }).trustedProxies
    expect([proxies('true'), proxies('on'), proxies('1'), proxies('2')]).toEqual([1, 1, 1, 2])
    expect([proxies('false'), proxies('off'), proxies('0')]).toEqual([0, 0, 0])
    expect(() => readConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/)
  })

  it('makes cookies Secure for an https PUBLIC_URL unless COOKIE_SECURE says otherwise', () => {
    const https = { PUBLIC_URL: 'https://board.example.org' }
    expect(readConfig(https).secureCookies).toBe(true)
    expect(readConfig({ PUBLIC_URL: 'http://10.0.0.5:8080' }).secureCookies).toBeUndefined()
    expect(readConfig({ ...https, COOKIE_SECURE: 'false' }).secureCookies).toBe(false)
    expect(readConfig({ COOKIE_SECURE: 'true' }).secureCookies).toBe(true)
  })

  it('refuses a ping interval too short to be sane', () => {
    expect(() => readConfig({ WS_PING_MS: '10' })).toThrow(/WS_PING_MS/)
  })
})
