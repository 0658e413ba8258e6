// Random bearer tokens (share links, session ids) and the sha256 digests stored in their place:
// a copy of the database alone never lets anyone in.
import { createHash, randomBytes, randomUUID } from 'node:crypto'

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** A short public id (share links): not a secret, only a handle for listing and revoking. */
export function newPublicId(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`
}

export function newUserId(): string {
  return randomUUID()
}
