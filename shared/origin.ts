// Transaction origins: every change to a board document is tagged with who or what made it, so
// listeners (storage, undo, audit) can tell local edits from seeding, migration and imports.
export type Origin =
  | { readonly kind: 'user'; readonly actor: string }
  | { readonly kind: 'seed' }
  | { readonly kind: 'migration'; readonly from: number; readonly to: number }
  | { readonly kind: 'import'; readonly actor: string }

/** Who performs an operation and when; `at` is injectable so operations stay deterministic in tests. */
export interface OpContext {
  readonly actor: string
  readonly at?: string
  /** Defaults to a user origin for `actor`; seeding, imports and migrations pass their own. */
  readonly origin?: Origin
  /** Random source for rank jitter (uint32); seeding passes a fixed one to stay deterministic. */
  readonly random?: () => number
}

export function originOf(ctx: OpContext): Origin {
  return ctx.origin ?? { kind: 'user', actor: ctx.actor }
}

export function timestamp(ctx: OpContext): string {
  return ctx.at ?? new Date().toISOString()
}
