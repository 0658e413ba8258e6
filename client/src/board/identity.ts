// Who this browser is on the boards: a display name and a colour, chosen once and remembered.
export interface Identity {
  readonly name: string
  readonly color: string
}

const KEY = 'sector-board:identity'
const COLORS = [
  '#d9480f',
  '#2b8a3e',
  '#1864ab',
  '#862e9c',
  '#c2255c',
  '#087f5b',
  '#e67700',
  '#5f3dc4',
]

export function loadIdentity(): Identity {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Identity | null
    if (stored && typeof stored.name === 'string' && typeof stored.color === 'string') return stored
  } catch {
    // fall through to a fresh identity
  }
  const suffix = Math.floor(Math.random() * 9000 + 1000)
  const identity = { name: `成员 ${suffix}`, color: COLORS[suffix % COLORS.length] as string }
  saveIdentity(identity)
  return identity
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity))
}

export const IDENTITY_COLORS: readonly string[] = COLORS
