// `fixops users` and `fixops tokens` through the built binary: roles, dealer codes, tokens
// printed once and stored only as hashes.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryJson } from '@fixops/db';
import { cleanup, fixops, tempDir } from '../test-helpers/run.js';
import { tokenAccess } from '@fixops/accounts';

afterAll(cleanup);

describe('fixops users', () => {
  it('adds users with a role (a dealer user with its dealer) and lists them', () => {
    const db = join(tempDir(), 'u.duckdb');
    expect(fixops(['users', '--db', db]).stdout).toMatch(/No users yet/);
    expect(fixops(['users', 'add', 'alice', '--role', 'admin', '--db', db]).code).toBe(0);
    expect(fixops(['users', 'add', 'bob', '--role', 'dealer', '--dealer', 'SH001', '--db', db]).code).toBe(0);
    const list = JSON.parse(fixops(['users', '--json', '--db', db]).stdout) as { name: string; role: string; dealer: string | null }[];
    expect(list.map(({ name, role, dealer }) => ({ name, role, dealer }))).toEqual([
      { name: 'alice', role: 'admin', dealer: null },
      { name: 'bob', role: 'dealer', dealer: 'SH001' },
    ]);
  });

  it('refuses a dealer user without a dealer, an unknown role, a duplicate name (exit 2)', () => {
    const db = join(tempDir(), 'u.duckdb');
    const noDealer = fixops(['users', 'add', 'carol', '--role', 'dealer', '--db', db]);
    expect(noDealer.code).toBe(2);
    expect(noDealer.stderr).toMatch(/--dealer/);
    expect(fixops(['users', 'add', 'carol', '--role', 'boss', '--db', db]).stderr).toMatch(/admin, consultant, dealer/);
    expect(fixops(['users', 'add', 'carol', '--role', 'consultant', '--db', db]).code).toBe(0);
    expect(fixops(['users', 'add', 'carol', '--role', 'consultant', '--db', db]).code).toBe(2);
    expect(fixops(['users', 'add', '--db', db]).code).toBe(2);
  });
});

describe('fixops tokens', () => {
  it('prints a new random token once and stores only its SHA-256 hash', async () => {
    const db = join(tempDir(), 't.duckdb');
    fixops(['users', 'add', 'alice', '--role', 'admin', '--db', db]);
    const a = fixops(['tokens', 'create', 'alice', '--db', db]);
    const b = fixops(['tokens', 'create', 'alice', '--db', db]);
    expect(a.code).toBe(0);
    const token = a.stdout.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.stdout.trim()).not.toBe(token);
    expect(a.stderr).toMatch(/shown once/);
    const d = await openDatabase(db);
    try {
      const rows = await queryJson<{ hash: string }>(d.connection, 'SELECT hash FROM tokens ORDER BY id');
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash) && r.hash !== token)).toBe(true);
    } finally {
      d.close();
    }
    expect(fixops(['tokens', 'create', 'nobody', '--db', db]).code).toBe(2);
    expect(fixops(['tokens', 'bogus', '--db', db]).code).toBe(2);
  });
});

describe('token and user lifecycle', () => {
  interface Listed { id: number; user: string; createdAt: string; expiresAt: string; lastUsedAt: string | null; revokedAt: string | null; status: string }
  const days = (t: Listed) => Math.round((Date.parse(t.expiresAt) - Date.parse(t.createdAt)) / 86_400_000);
  const canLogIn = async (db: string, token: string) => {
    const d = await openDatabase(db);
    try {
      return (await tokenAccess(d.connection, token)) !== undefined;
    } finally {
      d.close();
    }
  };

  it('creates tokens that expire (90 days, --expires Nd, or the tokenExpiryDays setting) and lists them without the secret', () => {
    const db = join(tempDir(), 'l.duckdb');
    fixops(['users', 'add', 'alice', '--role', 'admin', '--db', db]);
    const a = fixops(['tokens', 'create', 'alice', '--db', db]).stdout.trim();
    const b = fixops(['tokens', 'create', 'alice', '--expires', '7d', '--db', db]);
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/expires \d{4}-/);
    expect(fixops(['settings', 'set', 'tokenExpiryDays', '30', '--db', db]).code).toBe(0);
    const c = JSON.parse(fixops(['tokens', 'create', 'alice', '--json', '--db', db]).stdout) as { id: number; token: string; expiresAt: string };
    expect(c.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = fixops(['tokens', 'list', '--json', '--db', db]);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain(a);
    expect(list.stdout).not.toContain(c.token);
    const tokens = JSON.parse(list.stdout) as Listed[];
    expect(tokens.map((t) => [t.id, t.user, days(t), t.status, t.lastUsedAt])).toEqual([[3, 'alice', 30, 'active', null], [2, 'alice', 7, 'active', null], [1, 'alice', 90, 'active', null]]);
    const table = fixops(['tokens', 'list', '--db', db]).stdout;
    expect(table).toMatch(/Last used/);
    expect(table).not.toContain(a);
    for (const bad of ['0d', '12h', 'never', '90']) {
      const r = fixops(['tokens', 'create', 'alice', '--expires', bad, '--db', db]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/expected days, e\.g\. 90d/);
    }
  });

  it('revokes a token and disables/enables a user, which stops and restarts their tokens at once', async () => {
    const db = join(tempDir(), 'r.duckdb');
    fixops(['users', 'add', 'alice', '--role', 'admin', '--db', db]);
    fixops(['users', 'add', 'bob', '--role', 'dealer', '--dealer', 'SH001', '--db', db]);
    const t1 = fixops(['tokens', 'create', 'bob', '--db', db]).stdout.trim();
    const t2 = fixops(['tokens', 'create', 'bob', '--db', db]).stdout.trim();
    const revoke = fixops(['tokens', 'revoke', '1', '--db', db]);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toMatch(/Token revoked: 1 \(bob\)/);
    expect(await canLogIn(db, t1)).toBe(false);
    expect(await canLogIn(db, t2)).toBe(true);
    const listed = JSON.parse(fixops(['tokens', 'list', '--user', 'bob', '--json', '--db', db]).stdout) as Listed[];
    expect(listed.map((t) => [t.id, t.status, t.revokedAt === null])).toEqual([[2, 'active', true], [1, 'revoked', false]]);
    expect(fixops(['tokens', 'revoke', '99', '--db', db]).stderr).toMatch(/No token with id 99/);
    expect(fixops(['tokens', 'revoke', 'x', '--db', db]).code).toBe(2);

    expect(fixops(['users', 'disable', 'bob', '--db', db]).stdout).toMatch(/User disabled: bob/);
    expect(await canLogIn(db, t2)).toBe(false);
    const users = JSON.parse(fixops(['users', 'list', '--json', '--db', db]).stdout) as { name: string; disabled: boolean }[];
    expect(users.map((u) => [u.name, u.disabled])).toEqual([['alice', false], ['bob', true]]);
    expect(fixops(['users', '--db', db]).stdout).toMatch(/disabled/);
    expect(fixops(['tokens', 'create', 'bob', '--db', db]).code).toBe(2);
    expect(fixops(['users', 'enable', 'bob', '--db', db]).code).toBe(0);
    expect(await canLogIn(db, t2)).toBe(true);
    const last = fixops(['users', 'disable', 'alice', '--db', db]);
    expect(last.code).toBe(2);
    expect(last.stderr).toMatch(/last enabled admin/);
    expect(fixops(['users', 'disable', 'nobody', '--db', db]).code).toBe(2);
    expect(fixops(['users', 'frobnicate', 'bob', '--db', db]).code).toBe(2);
  });
});
