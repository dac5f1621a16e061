// `fixops ingest` applies the same FIXOPS_* upload limits as the server (through loadExport).

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

// 17 columns, 148 data rows.
const ROS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/samples/SH001_repair_orders_2025-10_2025-12.csv');

describe('fixops ingest and the FIXOPS_* limits', () => {
  it('FIXOPS_MAX_COLUMNS=16 refuses the 17-column export whole (exit 1, too_many_columns)', () => {
    const db = join(tempDir(), 'f.duckdb');
    const r = fixops(['ingest', '--db', db, '--kind', 'repair_orders', '--json', ROS], { FIXOPS_MAX_COLUMNS: '16' });
    expect(r.code).toBe(1);
    const [s] = JSON.parse(r.stdout) as { status: string; rowsLoaded: number; error?: { code: string; message: { en: string } } }[];
    expect(s).toMatchObject({ status: 'refused', rowsLoaded: 0, error: { code: 'too_many_columns' } });
    expect(s!.error!.message.en).toContain('the limit is 16 columns per file; its header has 17');
  });
  it('a bad value is refused naming the variable, without a stack trace', () => {
    const r = fixops(['ingest', '--db', join(tempDir(), 'g.duckdb'), ROS], { FIXOPS_MAX_FIELD_CHARS: 'wide' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('FIXOPS_MAX_FIELD_CHARS="wide" is not valid');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
