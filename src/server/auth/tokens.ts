import { createHash, randomBytes } from 'node:crypto';

/** A random secret of `bytes` bytes (default 32, 256 bits), URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** What the database keeps of a secret: its sha-256, so a leaked table opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** An opaque id for a row (128 bits). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}
