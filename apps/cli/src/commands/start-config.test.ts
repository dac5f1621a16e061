import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, tempDir } from '../test-helpers/run.js';

afterAll(cleanup);

describe('fixops start with a bad FIXOPS_* variable', () => {
  it('refuses before opening anything, naming the variable and the value in zh and en, without a stack trace', () => {
    const db = join(tempDir(), 'never.duckdb');
    const r = fixops(['start', '--db', db, '--port', '0'], { FIXOPS_LOAD_THREADS: 'abc', FIXOPS_MAX_UPLOAD_MB: 'lots' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('环境变量 FIXOPS_LOAD_THREADS="abc" 无效');
    expect(r.stderr).toContain('Environment variable FIXOPS_LOAD_THREADS="abc" is not valid: expected a positive whole number');
    expect(r.stderr).toContain('FIXOPS_MAX_UPLOAD_MB="lots"');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(db)).toBe(false);
  });

  it('a command that opens the database refuses a bad FIXOPS_DUCKDB_MEMORY the same way', () => {
    const r = fixops(['loads', '--db', join(tempDir(), 'x.duckdb')], { FIXOPS_DUCKDB_MEMORY: 'plenty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('FIXOPS_DUCKDB_MEMORY="plenty" is not valid: expected a memory size');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
