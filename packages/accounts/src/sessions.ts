// Browser sessions: a random id in a cookie, stored in the database only as its SHA-256, so
// sessions survive a restart and a copy of the database opens none. A session belongs to the
// token it was opened with: it ends at its own expiry, or when that token is revoked or
// expires, or its user is disabled. Expired sessions are swept.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { newSecret, sha256 } from './hash.js';
import { ACCESS_SQL, NOW, toAccess, type Access, type AccessRow } from './access.js';

export const DEFAULT_SESSION_MS = 12 * 3600_000;

/** Opens a session for a token; answers the session id to put in the cookie (never stored). */
export async function openSession(c: DuckDBConnection, tokenId: number, ttlMs: number = DEFAULT_SESSION_MS): Promise<string> {
  const id = newSecret();
  await c.run(`INSERT INTO sessions VALUES ($hash, $token, ${NOW}, ${NOW} + to_milliseconds($ms::BIGINT))`, { hash: sha256(id), token: tokenId, ms: Math.round(ttlMs) });
  return id;
}

/** Who a session id lets in, or undefined when it is unknown, expired, or its token or user no longer valid. */
export async function sessionAccess(c: DuckDBConnection, sessionId: string): Promise<Access | undefined> {
  if (sessionId.length === 0 || sessionId.length > 200) return undefined;
  return sessionAccessByHash(c, sha256(sessionId));
}

export async function sessionAccessByHash(c: DuckDBConnection, hash: string): Promise<Access | undefined> {
  const [row] = await queryJson<AccessRow & { sessionLeft: number | string }>(c, `
    SELECT a.*, epoch_ms(s.expires_at) - epoch_ms(${NOW}) AS "sessionLeft"
    FROM sessions s JOIN (${ACCESS_SQL}) a ON a."tokenId" = s.token_id
    WHERE s.hash = $hash AND s.expires_at > ${NOW}`, { hash });
  if (!row) return undefined;
  const { sessionLeft, ...rest } = row;
  return toAccess(rest, Number(sessionLeft));
}

export async function endSession(c: DuckDBConnection, sessionId: string): Promise<void> {
  await c.run('DELETE FROM sessions WHERE hash = $hash', { hash: sha256(sessionId) });
}

/** Deletes expired sessions and those whose token or user can no longer log in; answers how many. */
export async function sweepSessions(c: DuckDBConnection): Promise<number> {
  const gone = await queryJson<{ hash: string }>(c, `
    DELETE FROM sessions WHERE expires_at <= ${NOW}
      OR token_id NOT IN (SELECT "tokenId" FROM (${ACCESS_SQL}))
    RETURNING hash`);
  return gone.length;
}
