// Users and their API tokens. A token is shown once when created; only its SHA-256 hash is
// stored, so a copy of the database gives no way in.

import { createHash, randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { err, ok, type Result } from '@fixops/shared';

export const ROLES = ['admin', 'consultant', 'dealer'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  name: string;
  role: Role;
  /** The dealer a `dealer` user belongs to (null for the other roles). */
  dealer: string | null;
  createdAt: string;
}

const NAME = /^[A-Za-z0-9_.@-]{1,64}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function addUser(c: DuckDBConnection, u: { name: string; role: string; dealer?: string }): Promise<Result<User>> {
  if (!NAME.test(u.name)) {
    return err('invalid_user_name', { zh: `用户名“${u.name}”无效：1–64 个字母、数字或 _ . @ -`, en: `Invalid user name "${u.name}": 1–64 letters, digits or _ . @ -` }, { field: 'name' });
  }
  if (!(ROLES as readonly string[]).includes(u.role)) {
    return err('invalid_role', { zh: `角色“${u.role}”无效，可选：${ROLES.join(', ')}`, en: `Invalid role "${u.role}". Valid: ${ROLES.join(', ')}` }, { field: 'role', choices: [...ROLES] });
  }
  const dealer = u.dealer?.trim() || null;
  if (u.role === 'dealer' && dealer === null) {
    return err('dealer_required', { zh: '经销商角色需要指定经销商代码（--dealer CODE）', en: 'A dealer user needs a dealer code (--dealer CODE)' }, { field: 'dealer' });
  }
  if (u.role !== 'dealer' && dealer !== null) {
    return err('dealer_not_allowed', { zh: '只有经销商角色可以指定经销商', en: 'Only dealer users belong to a dealer' }, { field: 'dealer' });
  }
  if (await getUser(c, u.name)) {
    return err('user_exists', { zh: `用户“${u.name}”已存在`, en: `User "${u.name}" already exists` }, { name: u.name });
  }
  await c.run('INSERT INTO users VALUES ($name, $role, $dealer, current_timestamp::TIMESTAMP)', { name: u.name, role: u.role, dealer });
  return ok((await getUser(c, u.name))!);
}

const SELECT_USER = `SELECT name, role, dealer_code AS dealer, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt" FROM users`;

export async function getUser(c: DuckDBConnection, name: string): Promise<User | undefined> {
  return (await queryJson<User>(c, `${SELECT_USER} WHERE name = $name`, { name }))[0];
}

export async function listUsers(c: DuckDBConnection): Promise<User[]> {
  return queryJson<User>(c, `${SELECT_USER} ORDER BY name`);
}

/** A new random token for a user; the caller shows it once, the database keeps its hash. */
export async function createToken(c: DuckDBConnection, name: string): Promise<Result<{ id: number; token: string; user: User }>> {
  const user = await getUser(c, name);
  if (!user) return err('unknown_user', { zh: `没有用户“${name}”（先用 fixops users add 创建）`, en: `No user "${name}" (create it with fixops users add)` }, { name });
  const token = randomBytes(32).toString('base64url');
  const reader = await c.runAndReadAll("SELECT nextval('token_id_seq')::INTEGER AS id");
  const id = Number(reader.getRowObjects()[0]!.id);
  await c.run('INSERT INTO tokens VALUES ($id, $user, $hash, current_timestamp::TIMESTAMP, NULL)', { id, user: name, hash: hashToken(token) });
  return ok({ id, token, user });
}

/** The user a token belongs to, or undefined for an unknown token. */
export async function userOfToken(c: DuckDBConnection, token: string): Promise<(User & { tokenId: number }) | undefined> {
  if (token.length === 0 || token.length > 200) return undefined;
  return userOfTokenHash(c, hashToken(token));
}

export async function userOfTokenHash(c: DuckDBConnection, hash: string): Promise<(User & { tokenId: number }) | undefined> {
  const [row] = await queryJson<User & { tokenId: number }>(c, `
    SELECT u.name, u.role, u.dealer_code AS dealer, strftime(u.created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt", t.id::INTEGER AS "tokenId"
    FROM tokens t JOIN users u ON u.name = t.user_name WHERE t.hash = $hash`, { hash });
  return row;
}

export async function touchToken(c: DuckDBConnection, id: number): Promise<void> {
  await c.run('UPDATE tokens SET last_used_at = current_timestamp::TIMESTAMP WHERE id = $id', { id });
}
