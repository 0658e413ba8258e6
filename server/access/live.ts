// Live connections by credential, re-checked when access changes: a revoked share link, a removed
// grant or user, a sign-out or an expiry closes that person's WebSockets (1008) within a poll.
// The admin CLI writes from another process, so this polls the store's version counter.
import type { Role } from '../../shared/roles.js'
import type { Logger } from '../log.js'
import { resolveAccess, type Access, type Credentials } from './resolve.js'
import type { AccessStore } from './store.js'

export const POLICY_VIOLATION = 1008

export interface LiveConnection {
  readonly boardId: string
  readonly role: Role
  close(code: number, reason: string): void
}

interface Holder {
  readonly creds: Credentials
  expiresAt: number | null
  readonly connections: Set<LiveConnection>
}

const keyOf = (c: Credentials) =>
  c.tokenHash !== undefined
    ? `share:${c.tokenHash}`
    : c.sessionHash !== undefined
      ? `session:${c.sessionHash}`
      : 'none'

export class LiveAccess {
  private readonly holders = new Map<string, Holder>()
  private lastVersion = -1
  private dirty = false
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined

  constructor(
    private readonly store: AccessStore,
    private readonly log: Logger,
    private readonly pollMs: number,
  ) {}

  get size(): number {
    let n = 0
    for (const h of this.holders.values()) n += h.connections.size
    return n
  }

  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.pollMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }

  /** Tracks a connection opened with `access`; call the returned function when it closes. */
  track(creds: Credentials, access: Access, connection: LiveConnection): () => void {
    const key = keyOf(creds)
    let holder = this.holders.get(key)
    if (!holder) {
      holder = { creds, expiresAt: access.expiresAt, connections: new Set() }
      this.holders.set(key, holder)
    }
    holder.connections.add(connection)
    // Resolved against an older version than the last check saw: re-check at the next poll.
    if (access.version !== this.lastVersion) this.dirty = true
    const held = holder
    return () => {
      held.connections.delete(connection)
      if (held.connections.size === 0 && this.holders.get(key) === held) this.holders.delete(key)
    }
  }

  /** One poll: re-resolves every credential when the store changed or an access expired. */
  check(): Promise<void> {
    this.running ??= this.recheck()
      .catch((error: unknown) => this.log.error({ err: error }, 'access check failed'))
      .finally(() => (this.running = undefined))
    return this.running
  }

  private async recheck(): Promise<void> {
    const version = await this.store.version()
    const now = Date.now()
    const expired = [...this.holders.values()].some(
      (h) => h.expiresAt !== null && h.expiresAt <= now,
    )
    if (version === this.lastVersion && !this.dirty && !expired) return
    this.lastVersion = version
    this.dirty = false
    for (const [key, holder] of [...this.holders]) {
      const access = await resolveAccess(this.store, holder.creds)
      holder.expiresAt = access.expiresAt
      for (const connection of [...holder.connections]) {
        const role = access.roleFor(connection.boardId)
        if (role === connection.role) continue
        holder.connections.delete(connection)
        this.log.info(
          {
            board: connection.boardId,
            was: connection.role,
            now: role,
            credential: key.split(':')[0],
          },
          'access changed; closing live connection',
        )
        connection.close(POLICY_VIOLATION, role ? 'access changed, reconnect' : 'access revoked')
      }
      if (holder.connections.size === 0 && this.holders.get(key) === holder)
        this.holders.delete(key)
    }
  }
}
