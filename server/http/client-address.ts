// The address of the person behind a request, for sign-in throttling. Directly, it is the TCP
// peer. Behind `trustedProxies` proxies, each appending to X-Forwarded-For, it is the entry the
// farthest trusted proxy added: the right-most hop we do not trust. Entries to its left came from
// the client and may be forged, so they are never used.
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

export function clientAddress(c: Context, trustedProxies = 0): string {
  if (trustedProxies > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean)
    const hop = hops[Math.max(0, hops.length - trustedProxies)]
    if (hop) return hop
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // no Node socket, e.g. app.request() in tests
  }
}
