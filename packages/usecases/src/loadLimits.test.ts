// withLoadLimits: the load sees its own memory and thread budget; afterwards the connection has
// its threads back and the memory limit the caller names, also when the load fails.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, type Database } from '@fixops/db';
import { withLoadLimits } from './loadLimits.js';

const dir = mkdtempSync(join(tmpdir(), 'fixops-limits-'));
let db: Database | undefined;
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function current(c: DuckDBConnection): Promise<{ threads: number; memory: string }> {
  const row = (await c.runAndReadAll("SELECT current_setting('threads')::INTEGER AS threads, current_setting('memory_limit') AS memory")).getRowObjects()[0]!;
  return { threads: Number(row.threads), memory: String(row.memory) };
}

describe('withLoadLimits', () => {
  it('applies the load budget during the work and restores the connection after, even on failure', async () => {
    db = await openDatabase(join(dir, 'a.duckdb'), { memoryLimit: '256MB' });
    const c = db.connection;
    await c.run('SET threads = 2');
    const before = await current(c);
    const seen = await withLoadLimits(c, { memory: '64MB', threads: 1 }, '256MB', () => current(c));
    expect(seen.threads).toBe(1);
    expect(seen.memory).not.toBe(before.memory);
    expect(seen.memory).toMatch(/^6\d(\.\d+)? Mi?B$/);
    expect(await current(c)).toEqual(before);
    await expect(withLoadLimits(c, { memory: '64MB', threads: 1 }, '256MB', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await current(c)).toEqual(before);
  });
});
