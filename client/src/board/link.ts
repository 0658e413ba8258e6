// Keeps a y-websocket provider connected and says honestly whether the board is live. A proxy that
// drops upgrades or silently stops forwarding an idle socket must never leave a stale board
// looking live: a link silent for `probeMs` is asked for a sync step 1 (the server always
// answers), and one silent for `deadMs` is given up. Reconnects are ours (y-websocket's own
// backoff has no jitter).
import * as encoding from 'lib0/encoding'
import { createSignal, type Accessor } from 'solid-js'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import { reconnectDelay } from './backoff'
import type { LivenessSettings } from './liveness-settings'

/** synced is the only live state; every other one means "what you see may be out of date". */
export type Link =
  | { readonly status: 'connecting' | 'syncing' | 'synced' | 'offline' }
  /** The server closed with 1008 "access revoked": retrying cannot help. */
  | { readonly status: 'revoked' }
  /** Lost (or never reached) the server; the next attempt is at `at` (epoch ms). */
  | { readonly status: 'retrying'; readonly at: number; readonly cause: RetryCause }

export type LinkStatus = Link['status']

/** Why a link retries: a restart, a lost network, or the server closing it for a new role. */
export type RetryCause = 'restarting' | 'lost' | 'access-changed'

/** WebSocket close codes the server uses that change what the client does. */
const GOING_AWAY = 1001
const POLICY_VIOLATION = 1008

/**
 * What a close means: 1008 "access revoked" ends the link; 1008 "access changed, reconnect" (a
 * role changed) reconnects, as does every other close.
 */
export function closeCause(event: { code: number; reason: string } | null): RetryCause | 'revoked' {
  if (event?.code === POLICY_VIOLATION)
    return event.reason.includes('reconnect') ? 'access-changed' : 'revoked'
  return event?.code === GOING_AWAY ? 'restarting' : 'lost'
}

/** Whether the link's last close says this person's access to the board changed. */
export function accessChanged(link: Link): boolean {
  return (
    link.status === 'revoked' || (link.status === 'retrying' && link.cause === 'access-changed')
  )
}

export interface ManagedLink {
  readonly link: Accessor<Link>
  /** The browser went offline: stop trying until `resume()`. */
  pause(): void
  resume(): void
  dispose(): void
}

/** `provider` must be created with `connect: false`: this takes over connecting it. */
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
    const cause = closeCause(event)
    if (cause === 'revoked' || revoked) {
      revoked = true
      return void setLink({ status: 'revoked' })
    }
    if (!wanted) return void setLink({ status: 'offline' })
    const delay = reconnectDelay(attempt++, settings.backoff)
    setLink({ status: 'retrying', at: Date.now() + delay, cause })
    clearTimeout(retryTimer)
    retryTimer = setTimeout(connectNow, delay)
  }

  let lastProbe = 0
  // Nothing heard for deadMs since the attempt began or the last message: the link is dead,
  // however open the socket looks (this also covers an upgrade a proxy accepts and never
  // answers). Silent for probeMs: ask, so that a healthy but quiet link has something to say.
  const watchdog = setInterval(
    () => {
      const ws = provider.ws
      if (ws === null) return
      const now = Date.now()
      const silentMs = now - Math.max(attemptStarted, provider.wsLastMessageReceived)
      if (silentMs > settings.deadMs) return provider.disconnect() // → onClose(null)
      if (
        provider.wsconnected &&
        silentMs >= settings.probeMs &&
        now - lastProbe >= settings.probeMs
      ) {
        lastProbe = now
        ws.send(syncStep1(provider))
      }
    },
    Math.min(1_000, settings.probeMs / 4),
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

function syncStep1(provider: WebsocketProvider): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // y-websocket message type: sync
  syncProtocol.writeSyncStep1(encoder, provider.doc)
  return encoding.toUint8Array(encoder)
}
