// Roles on a board. Editors change it; viewers watch it live (and show their presence) but can
// never change it: the server drops their document updates.
export const ROLES = ['editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function canWrite(role: Role): boolean {
  return role === 'editor'
}

/**
 * What the server tells a viewer's page (y-protocols auth "permission denied") when it drops a
 * change the board does not hold: that page's copy now holds changes the board will never have.
 */
export const VIEWER_CHANGE_REFUSED = 'read-only: change refused'
