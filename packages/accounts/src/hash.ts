// Secrets (tokens, session ids) are stored only as their SHA-256: a copy of the database
// gives no way in. Random secrets are 32 bytes, base64url.

import { createHash, randomBytes } from 'node:crypto';

export function sha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Kept under its old name: the API and tests hash tokens with it. */
export const hashToken = sha256;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
