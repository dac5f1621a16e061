// The `fixops` command-line contract, exercised through the built binary with real DuckDB files.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

const HEADER = '经销商代码,工单号,VIN,进厂时间,维修类型,总金额,客户姓名';
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `SH001,RO${from + i},lsv${i},2025-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00,保养,${100 + i},张三`);

function files() {
  const dir = tempDir();
  const good = join(dir, 'good.csv');
  writeFileSync(good, iconv.encode(`${HEADER}\n${rows(40).join('\n')}\n合计,,,,,9999,\n`, 'gb18030'));
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, `${HEADER}\n${rows(10, 100).join('\n')}\nSH001,X1,lsv,soon,保养,1,\nSH001,X2,lsv,2025-03-01,保养,lots,\n`);
  return { dir, good, bad, db: join(dir, 'f.duckdb') };
}

describe('fixops ingest', () => {
  it('prints one JSON object per file with the contract fields; exit 0 when all load', () => {
    const f = files();
    const r = fixops(['ingest', '--db', f.db, '--json', f.good]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0])).toEqual(expect.arrayContaining([
      'file', 'status', 'kind', 'dealers', 'months', 'rowsLoaded', 'rowsRejected', 'rowsSkipped', 'rowsDuplicate', 'encoding', 'separator', 'columns', 'errors', 'ms',
    ]));
    expect(out[0]).toMatchObject({
      file: f.good, status: 'loaded', kind: 'repair_orders', dealers: ['SH001'], months: ['2025-03'],
      rowsLoaded: 40, rowsRejected: 0, rowsSkipped: 1, rowsDuplicate: 0, encoding: 'gb18030', separator: 'comma',
      columns: { dropped: ['客户姓名'], ignored: [] }, errors: [],
    });
  });

  it('loads files in the order given and exits 1 when any is refused', () => {
    const f = files();
    const r = fixops(['ingest', '--db', f.db, '--json', f.good, f.bad]);
    expect(r.code).toBe(1);
    const [good, bad] = JSON.parse(r.stdout);
    expect(good.status).toBe('loaded');
    expect(bad).toMatchObject({ status: 'refused', rowsRejected: 2, rowsLoaded: 0 });
    expect(bad.errors).toEqual([
      expect.objectContaining({ row: 12, column: '进厂时间', value: 'soon' }),
      expect.objectContaining({ row: 13, column: '总金额', value: 'lots' }),
    ]);
  });

  it('prints a table for people, with the reasons of refused files', () => {
    const f = files();
    const r = fixops(['ingest', '--db', f.db, f.good, f.bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('已导入 loaded');
    expect(r.stdout).toContain('已拒绝 refused');
    expect(r.stdout).toContain('超过 5.0% 的上限');
    expect(r.stdout).toContain('fixops rejects --load 2');
  });

  it.each([
    [['ingest', '--nope', 'x.csv'], /unknown option '--nope'/i],
    [['ingest', '/no/such/file.csv'], /file not found: \/no\/such\/file.csv/],
    [['ingest'], /no file given/],
    [['ingest', '--kind', 'invoices', 'x.csv'], /unknown kind "invoices"/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('usage error %j → exit 2 with one line on stderr', (args, message) => {
    const r = fixops(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('honours FIXOPS_DB when --db is absent, and --dealer for files without a dealer column', () => {
    const dir = tempDir();
    const path = join(dir, 'nodealer.csv');
    writeFileSync(path, `工单号,VIN,进厂时间,维修类型,总金额\nR1,v1,2025-04-01,机修,10\n`);
    const r = fixops(['ingest', '--json', '--dealer', 'GZ003', path], { FIXOPS_DB: join(dir, 'env.duckdb') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ dealers: ['GZ003'], rowsLoaded: 1 });
    const loads = fixops(['loads', '--json'], { FIXOPS_DB: join(dir, 'env.duckdb') });
    expect(JSON.parse(loads.stdout)).toHaveLength(1);
  });
});

describe('fixops loads and rejects', () => {
  it('lists the load log and prints the rejected rows as CSV', () => {
    const f = files();
    fixops(['ingest', '--db', f.db, f.good, f.bad]);
    const loads = JSON.parse(fixops(['loads', '--db', f.db, '--json']).stdout);
    expect(loads.map((l: { file: string; status: string }) => [l.file, l.status])).toEqual([[f.bad, 'refused'], [f.good, 'loaded']]);
    const table = fixops(['loads', '--db', f.db]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('gb18030');
    const csv = fixops(['rejects', '--db', f.db, '--load', String(loads[0].id), '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('row,column,value,reason,raw_text');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('12,进厂时间,soon');
    expect(lines[1]).toContain('SH001,X1,lsv,soon,保养,1,');
  });

  it('neutralises formula cells in the rejected-rows CSV (issue 12.3)', () => {
    const dir = tempDir();
    const path = join(dir, 'formulas.csv');
    const hostile = [
      ['SH001,F1,lsv1,"=HYPERLINK(""http://x"",""y"")",保养,1,', '=HYPERLINK("http://x","y")'],
      ['SH001,F2,lsv2,2025-03-01,保养,"+cmd|\' /C calc\'!A0",', "+cmd|' /C calc'!A0"],
      ['SH001,F3,lsv3,@SUM(1+1),保养,1,', '@SUM(1+1)'],
      ['SH001,F4,lsv4,2025-03-01,保养,-2+3,', '-2+3'],
    ];
    writeFileSync(path, `${HEADER}\n${rows(5).join('\n')}\n${hostile.map(([line]) => line).join('\n')}\n`);
    const db = join(dir, 'f.duckdb');
    fixops(['ingest', '--db', db, path]);
    const [load] = JSON.parse(fixops(['loads', '--db', db, '--json']).stdout);
    const csv = fixops(['rejects', '--db', db, '--load', String(load.id), '--csv']);
    expect(csv.code).toBe(0);
    const parsed = Papa.parse<string[]>(csv.stdout.trim(), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['row', 'column', 'value', 'reason', 'raw_text']);
    expect(parsed.slice(1).map((r) => r[2])).toEqual(hostile.map(([, value]) => `'${value}`));
    expect(parsed.slice(1).map((r) => r[0])).toEqual(['7', '8', '9', '10']);
    for (const cell of parsed.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('says so when the load does not exist', () => {
    const f = files();
    const r = fixops(['rejects', '--db', f.db, '--load', '99']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no load with id 99');
  });
});
