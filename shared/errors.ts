// Errors raised by board operations and snapshot parsing. `code` is stable for callers (HTTP
// status mapping, UI messages); `path` points into the offending input where there is one.
export type BoardErrorCode =
  'invalid-input' | 'not-found' | 'conflict' | 'unsupported-version' | 'invalid-snapshot'

export class BoardError extends Error {
  constructor(
    readonly code: BoardErrorCode,
    message: string,
    readonly path: string = '',
  ) {
    super(path ? `${message} (at ${path})` : message)
    this.name = 'BoardError'
  }
}

/** Formats a schema issue path the way JSONPath readers expect: `$.cards[3].title`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  )
}
