// Who a valid token or session lets in: the one query both lookups build on, so "valid"
// (not revoked, not expired, user not disabled) means the same thing everywhere.

import type { User } from './users.js';

/** Who a valid token (or session) lets in, and for how much longer. */
export interface Access {
  user: User;
  tokenId: number;
  /** Milliseconds left when it was looked up (the earliest of token and session expiry). */
  expiresInMs: number;
}

export const TS = (col: string) => `strftime(${col}, '%Y-%m-%dT%H:%M:%SZ')`;
export const NOW = 'current_timestamp::TIMESTAMP';

export const ACCESS_SQL = `SELECT u.name, u.role, u.dealer_code AS dealer, ${TS('u.created_at')} AS "createdAt", false AS disabled, t.id::INTEGER AS "tokenId",
  CASE WHEN t.expires_at IS NULL THEN 9007199254740991 ELSE epoch_ms(t.expires_at) - epoch_ms(${NOW}) END AS "tokenLeft"
  FROM tokens t JOIN users u ON u.name = t.user_name
  WHERE t.revoked_at IS NULL AND u.disabled_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ${NOW})`;

export type AccessRow = User & { tokenId: number; tokenLeft: number | string };

export function toAccess(row: AccessRow, otherLeft?: number): Access {
  const { tokenId, tokenLeft, ...user } = row;
  const left = Number(tokenLeft);
  return { user, tokenId, expiresInMs: otherLeft === undefined ? left : Math.min(left, otherLeft) };
}


