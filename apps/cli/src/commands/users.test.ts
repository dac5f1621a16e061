// `fixops users` and `fixops tokens` through the built binary: roles, dealer codes, tokens
// printed once and stored only as hashes.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryJson } from '@fixops/db';
import { cleanup, fixops, tempDir } from '../test-helpers/run.js';

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
    expect(fixops(['tokens', 'list', '--db', db]).code).toBe(2);
  });
});
