// Keeps a y-websocket provider connected and says honestly whether the board is live. A proxy that
// drops upgrades or silently stops forwarding an idle socket must never leave a stale board
// looking live: the server answers our periodic sync step 1, and a link that stays silent for
// `deadMs` is given up. Reconnects are ours (y-websocket's own backoff has no jitter).
import { createSignal, type Accessor } from 'solid-js'
import type { WebsocketProvider } from 'y-websocket'
import { reconnectDelay } from './backoff'
import type { LivenessSettings } from './liveness-settings'

/** synced is the only live state; every other one means "what you see may be out of date". */
export type Link =
  | { readonly status: 'connecting' | 'syncing' | 'synced' | 'offline' }
  /** The server closed with 1008 "access revoked": retrying cannot help. */
  | { readonly status: 'revoked' }
  /** Lost (or never reached) the server; the next attempt is at `at` (epoch ms). */
  | { readonly status: 'retrying'; readonly at: number; readonly cause: 'restarting' | 'lost' }

export type LinkStatus = Link['status']

/** WebSocket close codes the server uses that change what the client does. */
const GOING_AWAY = 1001
const POLICY_VIOLATION = 1008

export interface ManagedLink {
  readonly link: Accessor<Link>
  /** The browser went offline: stop trying until `resume()`. */
  pause(): void
  resume(): void
  dispose(): void
}

/** `provider` must be created with `connect: false` and `resyncInterval: settings.resyncMs`. */
export function manageLink(provider: WebsocketProvider, settings: LivenessSettings): ManagedLink {
  const [link, setLink] = createSignal<Link>({ status: 'offline' })
  let wanted = false
  let revoked = false
  let attempt = 0
  let attemptStarted = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  const connectNow = () => {
    clearTimeout(retryTimer)
    if (!wanted || revoked) return
    attemptStarted = Date.now()
    provider.connect()
    showProgress()
  }

  // Only while an attempt is under way: after a close, 'retrying' (set below) stays.
  const showProgress = () => {
    if (provider.ws === null) return
    if (!provider.wsconnected) setLink({ status: 'connecting' })
    else if (!provider.synced) setLink({ status: 'syncing' })
    else {
      attempt = 0
      setLink({ status: 'synced' })
    }
  }

  const onClose = (event: CloseEvent | null) => {
    // Take reconnecting over from y-websocket: its scheduled attempt becomes a no-op.
    provider.shouldConnect = false
    // 1008 also comes as "access changed, reconnect" (a role changed): then reconnecting is right.
    if (event?.code === POLICY_VIOLATION && !event.reason.includes('reconnect')) revoked = true
    if (revoked) return void setLink({ status: 'revoked' })
    if (!wanted) return void setLink({ status: 'offline' })
    const delay = reconnectDelay(attempt++, settings.backoff)
    const cause = event?.code === GOING_AWAY ? 'restarting' : 'lost'
    setLink({ status: 'retrying', at: Date.now() + delay, cause })
    clearTimeout(retryTimer)
    retryTimer = setTimeout(connectNow, delay)
  }

  // Nothing heard since the attempt began or the last message: the link is dead, however open
  // the socket looks. Also covers an upgrade that a proxy accepts and never answers.
  const watchdog = setInterval(
    () => {
      if (provider.ws === null) return
      const lastHeard = Math.max(attemptStarted, provider.wsLastMessageReceived)
      if (Date.now() - lastHeard > settings.deadMs) provider.disconnect() // → onClose(null)
    },
    Math.min(1_000, settings.deadMs / 4),
  )

  provider.on('status', showProgress)
  provider.on('sync', showProgress)
  provider.on('connection-close', onClose)

  return {
    link,
    pause() {
      wanted = false
      clearTimeout(retryTimer)
      provider.disconnect()
      if (!revoked) setLink({ status: 'offline' })
    },
    resume() {
      wanted = true
      attempt = 0
      connectNow()
    },
    dispose() {
      wanted = false
      clearTimeout(retryTimer)
      clearInterval(watchdog)
      provider.off('status', showProgress)
      provider.off('sync', showProgress)
      provider.off('connection-close', onClose)
    },
  }
}
