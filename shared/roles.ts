// Roles on a board. Editors change it; viewers watch it live (and show their presence) but can
// never change it: the server drops their document updates.
export const ROLES = ['editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function canWrite(role: Role): boolean {
  return role === 'editor'
}
