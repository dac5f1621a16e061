// Users: a name, a role (and a dealer for dealer users), and whether they are disabled. A
// disabled user's tokens and sessions stop working at once; disabling also ends its sessions.

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, queryJson, recordAudit, type AuditActor } from '@fixops/db';
import { err, ok, type Result } from '@fixops/shared';

export const ROLES = ['admin', 'consultant', 'dealer'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  name: string;
  role: Role;
  /** The dealer a `dealer` user belongs to (null for the other roles). */
  dealer: string | null;
  createdAt: string;
  disabled: boolean;
}

const NAME = /^[A-Za-z0-9_.@-]{1,64}$/;

export const unknownUser = (name: string) => err('unknown_user', {
  zh: `没有用户“${name}”（先用 fixops users add 创建）`, en: `No user "${name}" (create it with fixops users add)`,
}, { name });

/** Adds a user; the audit log keeps who added it (`actor`, default the command line) and its role. */
export async function addUser(c: DuckDBConnection, u: { name: string; role: string; dealer?: string | null }, actor: AuditActor = cliActor()): Promise<Result<User>> {
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
  await c.run('INSERT INTO users (name, role, dealer_code, created_at) VALUES ($name, $role, $dealer, current_timestamp::TIMESTAMP)', { name: u.name, role: u.role, dealer });
  await recordAudit(c, { actor, action: 'user.add', target: u.name, detail: { name: u.name, role: u.role, dealer } });
  return ok((await getUser(c, u.name))!);
}

const SELECT_USER = `SELECT name, role, dealer_code AS dealer, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt",
  disabled_at IS NOT NULL AS disabled FROM users`;

export async function getUser(c: DuckDBConnection, name: string): Promise<User | undefined> {
  return (await queryJson<User>(c, `${SELECT_USER} WHERE name = $name`, { name }))[0];
}

export async function listUsers(c: DuckDBConnection): Promise<User[]> {
  return queryJson<User>(c, `${SELECT_USER} ORDER BY name`);
}

/**
 * Disables or enables a user. Disabling ends the user's sessions; it refuses to disable the
 * last enabled admin, so there is always someone who can enable the others again.
 */
export async function setUserDisabled(c: DuckDBConnection, name: string, disabled: boolean, actor: AuditActor = cliActor()): Promise<Result<User>> {
  const user = await getUser(c, name);
  if (!user) return unknownUser(name);
  if (user.disabled === disabled) return ok(user);
  if (disabled) {
    if (user.role === 'admin') {
      const [row] = await queryJson<{ n: number }>(c, "SELECT count(*)::INTEGER AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL");
      if (row!.n <= 1) {
        return err('last_admin', { zh: `“${name}”是最后一个启用的管理员，不能停用`, en: `"${name}" is the last enabled admin and cannot be disabled` }, { name });
      }
    }
    await c.run('UPDATE users SET disabled_at = current_timestamp::TIMESTAMP WHERE name = $name', { name });
    await c.run('DELETE FROM sessions WHERE token_id IN (SELECT id FROM tokens WHERE user_name = $name)', { name });
  } else {
    await c.run('UPDATE users SET disabled_at = NULL WHERE name = $name', { name });
  }
  await recordAudit(c, { actor, action: disabled ? 'user.disable' : 'user.enable', target: name, detail: { name, disabled: { old: !disabled, new: disabled } } });
  return ok((await getUser(c, name))!);
}
