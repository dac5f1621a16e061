// `fixops rejects --csv` through the built binary: every stored rejected row, streamed in
// chunks from DuckDB to stdout (a load rejecting thousands of rows, more than one chunk).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

describe('fixops rejects --csv', () => {
  it('writes every rejected row of a large reject set, in file order', () => {
    const dir = tempDir();
    const file = join(dir, 'many-bad.csv');
    const good = Array.from({ length: 100 }, (_, i) => `SH001,G${i},lsv${i},2025-03-01 10:00,保养,100`);
    const bad = Array.from({ length: 5000 }, (_, i) => `SH001,B${i},lsv,never,保养,1`);
    writeFileSync(file, `经销商代码,工单号,VIN,进厂时间,维修类型,总金额\n${[...good, ...bad].join('\n')}\n`);
    const db = join(dir, 'f.duckdb');
    const ingest = fixops(['ingest', '--db', db, '--json', '--max-reject-rate', '1', file]);
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.stdout)[0]).toMatchObject({ rowsLoaded: 100, rowsRejected: 5000, rejectsStored: 5000 });
    const r = fixops(['rejects', '--db', db, '--load', String(JSON.parse(ingest.stdout)[0].loadId), '--csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('row,column,value,reason,raw_text');
    expect(lines).toHaveLength(5001);
    expect(lines[1]).toMatch(/^102,进厂时间,never,/);
    expect(lines[5000]).toMatch(/^5101,进厂时间,never,.*"SH001,B4999,lsv,never,保养,1"$/);
  });
});
