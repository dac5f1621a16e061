import { afterAll, describe, expect, it } from 'vitest';
import { queryJson } from '@fixops/db';
import { storeSetting } from '@fixops/metrics';
import { addUser } from './users.js';
import { createToken, listTokens, revokeToken, tokenAccess, tokenOwner, touchToken } from './tokens.js';
import { parseExpiry } from './expiry.js';
import { cleanup, tempDb } from './test-helpers/tempDb.js';

afterAll(cleanup);

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

describe('tokens', () => {
  it('expire after the tokenExpiryDays setting (90 by default) or the days given', async () => {
    const db = await tempDb();
    const c = db.connection;
    await addUser(c, { name: 'alice', role: 'admin' });
    const a = await createToken(c, 'alice');
    const b = await createToken(c, 'alice', { days: 7 });
    await storeSetting(c, 'tokenExpiryDays', 30);
    const d = await createToken(c, 'alice');
    if (!a.ok || !b.ok || !d.ok) throw new Error('token');
    const list = await listTokens(c);
    expect(list.map((t) => t.id)).toEqual([d.value.id, b.value.id, a.value.id]);
    expect(list.map((t) => days(t.createdAt, t.expiresAt!))).toEqual([30, 7, 90]);
    expect(list.every((t) => t.status === 'active' && t.lastUsedAt === null && t.user === 'alice')).toBe(true);
    expect(JSON.stringify(list)).not.toContain(a.value.token);
    expect(Object.keys(list[0]!).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'revokedAt', 'status', 'user']);
    expect((await createToken(c, 'nobody')).ok).toBe(false);
    db.close();
  });

  it('an expired token lets nobody in', async () => {
    const db = await tempDb();
    const c = db.connection;
    await addUser(c, { name: 'alice', role: 'admin' });
    const t = await createToken(c, 'alice');
    if (!t.ok) throw new Error('token');
    const access = await tokenAccess(c, t.value.token);
    expect(access?.user.name).toBe('alice');
    expect(access!.expiresInMs).toBeGreaterThan(89 * 86_400_000);
    await c.run("UPDATE tokens SET expires_at = current_timestamp::TIMESTAMP - INTERVAL 1 SECOND WHERE id = $id", { id: t.value.id });
    expect(await tokenAccess(c, t.value.token)).toBeUndefined();
    expect((await listTokens(c))[0]!.status).toBe('expired');
    expect(await tokenOwner(c, t.value.token)).toBe('alice');
    db.close();
  });

  it('a revoked token lets nobody in; revoking twice is harmless; unknown ids are named', async () => {
    const db = await tempDb();
    const c = db.connection;
    await addUser(c, { name: 'alice', role: 'admin' });
    const t = await createToken(c, 'alice');
    const other = await createToken(c, 'alice');
    if (!t.ok || !other.ok) throw new Error('token');
    const r = await revokeToken(c, t.value.id);
    expect(r.ok && r.value.status).toBe('revoked');
    expect(await tokenAccess(c, t.value.token)).toBeUndefined();
    expect((await tokenAccess(c, other.value.token))?.tokenId).toBe(other.value.id);
    expect((await revokeToken(c, t.value.id)).ok).toBe(true);
    const missing = await revokeToken(c, 999);
    expect(missing.ok ? '' : missing.error.code).toBe('unknown_token');
    expect(await tokenAccess(c, 'not-a-token')).toBeUndefined();
    expect(await tokenAccess(c, '')).toBeUndefined();
    db.close();
  });

  it('records last use', async () => {
    const db = await tempDb();
    const c = db.connection;
    await addUser(c, { name: 'alice', role: 'admin' });
    const t = await createToken(c, 'alice');
    if (!t.ok) throw new Error('token');
    await touchToken(c, t.value.id);
    const [row] = await queryJson<{ used: boolean }>(c, 'SELECT last_used_at IS NOT NULL AS used FROM tokens');
    expect(row!.used).toBe(true);
    expect((await listTokens(c))[0]!.lastUsedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    db.close();
  });
});

describe('parseExpiry', () => {
  it('accepts whole days 1d..3650d and names the form otherwise', () => {
    expect(parseExpiry('90d')).toEqual({ ok: true, value: 90 });
    expect(parseExpiry('1D')).toEqual({ ok: true, value: 1 });
    for (const bad of ['0d', '3651d', '90', '12h', 'never', '-1d', '1.5d']) {
      const r = parseExpiry(bad);
      expect(r.ok ? '' : r.error.code).toBe('invalid_expiry');
    }
  });
});
