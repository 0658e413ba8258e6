// Hocuspocus as the bench runs it: in memory, no extensions, on HOST:PORT from the environment.
// The idle timeout is raised so scenario 4's silent clients are not cut off mid-measurement.
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  timeout: 600_000,
})
await server.listen()
console.log(`hocuspocus listening on ${server.URL}`)
