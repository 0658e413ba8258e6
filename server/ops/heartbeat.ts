// Server-side heartbeat: every interval, each WebSocket that answered the previous ping is pinged
// again and each one that did not is cut off, so a client that vanished without a close (laptop
// lid shut, NAT dropped the mapping) frees its presence and lets its room unload.
import type { WebSocket, WebSocketServer } from 'ws'

/** Starts pinging; returns a function that stops it. */
export function startHeartbeat(
  wss: WebSocketServer,
  intervalMs: number,
  onTerminate: () => void = () => undefined,
): () => void {
  // Sockets that answered (or connected) since the last round.
  const answered = new WeakSet<WebSocket>()
  // One listener for every socket (it reads the socket from `this`), not a closure per socket.
  function onPong(this: WebSocket): void {
    answered.add(this)
  }
  const onConnection = (ws: WebSocket) => {
    answered.add(ws)
    ws.on('pong', onPong)
  }
  wss.on('connection', onConnection)
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (ws.readyState !== ws.OPEN) continue
      if (!answered.has(ws)) {
        ws.terminate()
        onTerminate()
        continue
      }
      answered.delete(ws)
      ws.ping()
    }
  }, intervalMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    wss.off('connection', onConnection)
  }
}
