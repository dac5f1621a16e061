// writeBenchRepairOrders: exact row counts, all 15 columns, clean rows, both encodings.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchRepairOrders } from './bench.js';
import { readExport } from './test-helpers/read-export.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-bench-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeBenchRepairOrders', () => {
  it('writes exactly the requested rows, all 15 RO columns, all clean (UTF-8)', async () => {
    const path = join(dir, 'ro.csv');
    const { bytes } = await writeBenchRepairOrders(path, { rows: 5000, encoding: 'utf-8', seed: 3 });
    const buf = await readFile(path);
    expect(buf.length).toBe(bytes);
    const r = readExport({ bytes: buf, encoding: 'utf-8', separator: ',', kind: 'repair_orders' });
    expect(r.fields.filter(Boolean)).toHaveLength(15);
    expect(new Set(r.fields).size).toBe(15);
    expect(r.rows).toBe(5000);
    expect(r.rejected).toEqual([]);
    expect(r.duplicates).toBe(0);
    expect(new Set(r.records.map((x) => x.dealer_code)).size).toBeGreaterThan(250);
    expect(new Set(r.records.map((x) => (x.open_time ?? '').slice(0, 7))).size).toBe(24);
    expect(r.records[0]?.open_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00$/);
    // RO numbers are unique per dealer
    expect(new Set(r.records.map((x) => `${x.dealer_code}|${x.ro_no}`)).size).toBe(5000);
  });

  it('writes GB18030 when asked, and is deterministic per seed', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    await writeBenchRepairOrders(a, { rows: 2000, encoding: 'gb18030', seed: 9 });
    await writeBenchRepairOrders(b, { rows: 2000, encoding: 'gb18030', seed: 9 });
    const bytes = await readFile(a);
    expect(bytes.equals(await readFile(b))).toBe(true);
    const text = iconv.decode(bytes, 'gb18030');
    expect(text.startsWith('经销商代码,工单号,VIN,进厂时间,维修类型,总金额')).toBe(true);
    expect(bytes.toString('utf8')).not.toContain('经销商代码');
    expect(readExport({ bytes, encoding: 'gb18030', separator: ',', kind: 'repair_orders' }).rows).toBe(2000);
  });

  it('handles zero rows (header only)', async () => {
    const path = join(dir, 'empty.csv');
    await writeBenchRepairOrders(path, { rows: 0, encoding: 'utf-8' });
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(1);
  });
});
