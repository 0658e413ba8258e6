// Failed sign-in throttling: free tries, then locks that double, forgotten on success.
import { describe, expect, it } from 'vitest'
import { SignInThrottle } from '../../server/access/throttle.js'

describe('sign-in throttle', () => {
  it('locks a key after five failures, for a time that doubles with each more', () => {
    let now = 1_000_000
    const throttle = new SignInThrottle(5, () => now)
    const keys = ['user:li', 'ip:10.0.0.1']
    for (let i = 0; i < 4; i++) throttle.failed(keys)
    expect(throttle.retryAfter(keys)).toBe(0)
    throttle.failed(keys)
    expect(throttle.retryAfter(keys)).toBe(1_000)
    expect(throttle.retryAfter(['user:li'])).toBe(1_000)
    expect(throttle.retryAfter(['user:other'])).toBe(0)
    now += 1_000
    expect(throttle.retryAfter(keys)).toBe(0)
    throttle.failed(keys)
    expect(throttle.retryAfter(keys)).toBe(2_000)
    for (let i = 0; i < 30; i++) throttle.failed(keys)
    expect(throttle.retryAfter(keys)).toBe(15 * 60_000)
  })

  it('forgets a user name on success, and old failures after a while', () => {
    let now = 0
    const throttle = new SignInThrottle(5, () => now)
    for (let i = 0; i < 5; i++) throttle.failed(['user:li', 'ip:a'])
    throttle.succeeded(['user:li'])
    expect(throttle.retryAfter(['user:li'])).toBe(0)
    expect(throttle.retryAfter(['ip:a'])).toBeGreaterThan(0)
    now += 16 * 60_000
    expect(throttle.retryAfter(['ip:a'])).toBe(0)
    throttle.failed(['ip:a'])
    expect(throttle.retryAfter(['ip:a'])).toBe(0) // counting starts afresh
  })

  it('can allow more failures before locking (client addresses, shared by an office)', () => {
    const throttle = new SignInThrottle(20, () => 0)
    for (let i = 0; i < 19; i++) throttle.failed(['ip:office'])
    expect(throttle.retryAfter(['ip:office'])).toBe(0)
    throttle.failed(['ip:office'])
    expect(throttle.retryAfter(['ip:office'])).toBe(1_000)
  })

  it('keeps a bounded number of keys', () => {
    const throttle = new SignInThrottle(5, () => 0)
    for (let i = 0; i < 5; i++) throttle.failed(['ip:first'])
    for (let i = 0; i < 10_001; i++) throttle.failed([`ip:${i}`])
    expect(throttle.retryAfter(['ip:first'])).toBe(0) // evicted as the least recent
  })
})
