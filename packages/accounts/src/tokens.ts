// API tokens: made for a user, shown once, stored as a SHA-256 hash; each expires (the
// `tokenExpiryDays` setting, or a lifetime given at creation) and can be revoked. A revoked
// or expired token, or one whose user is disabled, no longer lets anyone in, and revoking
// ends the sessions opened with it.

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, queryJson, recordAudit, type AuditActor } from '@fixops/db';
import { err, ok, type Result } from '@fixops/shared';
import { defaultTokenDays, MAX_TOKEN_DAYS } from './expiry.js';
import { newSecret, sha256 } from './hash.js';
import { getUser, unknownUser, type User } from './users.js';
import { ACCESS_SQL, NOW, TS, toAccess, type Access, type AccessRow } from './access.js';

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** What a token listing shows: never the token, never its hash. */
export interface TokenInfo {
  id: number;
  user: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: TokenStatus;
}

const SELECT_TOKEN = `SELECT id::INTEGER AS id, user_name AS "user", ${TS('created_at')} AS "createdAt", ${TS('expires_at')} AS "expiresAt",
  ${TS('last_used_at')} AS "lastUsedAt", ${TS('revoked_at')} AS "revokedAt",
  CASE WHEN revoked_at IS NOT NULL THEN 'revoked' WHEN expires_at IS NOT NULL AND expires_at <= ${NOW} THEN 'expired' ELSE 'active' END AS status
  FROM tokens`;

/** A new random token for a user, valid `days` days (default: the setting); the caller shows it once. */
export async function createToken(c: DuckDBConnection, name: string, opts: { days?: number; actor?: AuditActor } = {}): Promise<Result<{ id: number; token: string; user: User; expiresAt: string }>> {
  const user = await getUser(c, name);
  if (!user) return unknownUser(name);
  if (user.disabled) {
    return err('user_disabled', { zh: `用户“${name}”已停用（先用 fixops users enable 启用）`, en: `User "${name}" is disabled (enable it with fixops users enable)` }, { name });
  }
  const days = opts.days ?? (await defaultTokenDays(c));
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    return err('invalid_expiry', { zh: `有效期应为 1 到 ${MAX_TOKEN_DAYS} 天`, en: `Expiry must be 1 to ${MAX_TOKEN_DAYS} days` }, { field: 'expires', value: days });
  }
  const token = newSecret();
  const [row] = await queryJson<{ id: number }>(c, "SELECT nextval('token_id_seq')::INTEGER AS id");
  const id = row!.id;
  await c.run(`INSERT INTO tokens (id, user_name, hash, created_at, expires_at)
    VALUES ($id, $user, $hash, ${NOW}, ${NOW} + to_days($days::INTEGER))`, { id, user: name, hash: sha256(token), days });
  const info = (await getToken(c, id))!;
  await recordAudit(c, { actor: opts.actor ?? cliActor(), action: 'token.create', target: String(id), detail: { id, user: name, expiresAt: info.expiresAt } });
  return ok({ id, token, user, expiresAt: info.expiresAt! });
}

export async function getToken(c: DuckDBConnection, id: number): Promise<TokenInfo | undefined> {
  return (await queryJson<TokenInfo>(c, `${SELECT_TOKEN} WHERE id = $id`, { id }))[0];
}

/** Every token, newest first, or one user's. */
export async function listTokens(c: DuckDBConnection, opts: { user?: string } = {}): Promise<TokenInfo[]> {
  if (opts.user !== undefined) return queryJson<TokenInfo>(c, `${SELECT_TOKEN} WHERE user_name = $user ORDER BY id DESC`, { user: opts.user });
  return queryJson<TokenInfo>(c, `${SELECT_TOKEN} ORDER BY id DESC`);
}

/** Revokes a token at once and ends the sessions opened with it. Revoking twice changes nothing. */
export async function revokeToken(c: DuckDBConnection, id: number, actor: AuditActor = cliActor()): Promise<Result<TokenInfo>> {
  const found = await getToken(c, id);
  if (!found) return err('unknown_token', { zh: `没有编号为 ${id} 的令牌（fixops tokens list 列出全部）`, en: `No token with id ${id} (fixops tokens list shows them)` }, { id });
  if (found.status !== 'revoked') {
    await c.run(`UPDATE tokens SET revoked_at = ${NOW} WHERE id = $id`, { id });
    await recordAudit(c, { actor, action: 'token.revoke', target: String(id), detail: { id, user: found.user } });
  }
  await c.run('DELETE FROM sessions WHERE token_id = $id', { id });
  return ok((await getToken(c, id))!);
}

/** Who a token lets in: undefined for an unknown, revoked or expired token or a disabled user. */
export async function tokenAccess(c: DuckDBConnection, token: string): Promise<Access | undefined> {
  if (token.length === 0 || token.length > 200) return undefined;
  return tokenAccessByHash(c, sha256(token));
}

export async function tokenAccessByHash(c: DuckDBConnection, hash: string): Promise<Access | undefined> {
  const [row] = await queryJson<AccessRow>(c, `${ACCESS_SQL} AND t.hash = $hash`, { hash });
  return row ? toAccess(row) : undefined;
}

/** Whose token this is, whatever its state (for counting failed logins per account). */
export async function tokenOwner(c: DuckDBConnection, token: string): Promise<string | undefined> {
  if (token.length === 0 || token.length > 200) return undefined;
  const [row] = await queryJson<{ user: string }>(c, 'SELECT user_name AS "user" FROM tokens WHERE hash = $hash', { hash: sha256(token) });
  return row?.user;
}

/** Records that a token was used now (callers keep this to about once a minute per token). */
export async function touchToken(c: DuckDBConnection, id: number): Promise<void> {
  await c.run(`UPDATE tokens SET last_used_at = ${NOW} WHERE id = $id`, { id });
}
