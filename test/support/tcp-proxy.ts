// A TCP proxy between a browser and a server that misbehaves the way real proxies and NATs do:
// it can stall (keep every socket open but forward nothing, like a proxy that silently dropped
// idle connections) and refuse (close new connections at once, like a proxy that drops upgrades).
// It can also add latency: every chunk is passed on that many milliseconds late, in order.
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export type ProxyMode = 'forward' | 'stall' | 'refuse'

export interface TcpProxy {
  /** http://127.0.0.1:<port> of the proxy. */
  readonly url: string
  /** Existing connections go silent for good; new ones are accepted and then never answered. */
  stall(): void
  /** New connections are closed at once; existing ones stay as they are. */
  refuse(): void
  /** Every connection is reset and new ones are closed at once, as when the server behind stops. */
  cut(): void
  /** New connections are forwarded again (silent ones stay silent: their state is gone). */
  resume(): void
  close(): Promise<void>
}

interface Link {
  readonly client: net.Socket
  readonly upstream: net.Socket
  silent: boolean
}

export async function startTcpProxy(
  targetPort: number,
  host = '127.0.0.1',
  options: { latencyMs?: number } = {},
): Promise<TcpProxy> {
  const latency = options.latencyMs ?? 0
  const pass = (to: net.Socket, data: Buffer) =>
    latency > 0 ? setTimeout(() => to.write(data), latency) : to.write(data)
  let mode: ProxyMode = 'forward'
  const links = new Set<Link>()
  const server = net.createServer((client) => {
    if (mode === 'refuse') return void client.destroy()
    const upstream = net.connect(targetPort, host)
    const link: Link = { client, upstream, silent: mode === 'stall' }
    links.add(link)
    // Bytes that arrive while silent are dropped, as a dead middlebox would.
    client.on('data', (data) => void (link.silent || pass(upstream, data)))
    upstream.on('data', (data) => void (link.silent || pass(client, data)))
    const end = () => {
      links.delete(link)
      client.destroy()
      upstream.destroy()
    }
    // A silent link does not pass on closes either: neither side learns the other went away.
    client.on('close', () => void (link.silent || end()))
    upstream.on('close', () => void (link.silent || end()))
    client.on('error', () => undefined)
    upstream.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    stall() {
      mode = 'stall'
      for (const link of links) link.silent = true
    },
    refuse() {
      mode = 'refuse'
    },
    cut() {
      mode = 'refuse'
      for (const { client, upstream } of links) {
        client.destroy()
        upstream.destroy()
      }
      links.clear()
    },
    resume() {
      mode = 'forward'
    },
    async close() {
      for (const { client, upstream } of links) {
        client.destroy()
        upstream.destroy()
      }
      links.clear()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
