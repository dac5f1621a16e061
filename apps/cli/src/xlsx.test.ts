// `--format xlsx --out FILE` through the built binary on the demo network: each workbook holds
// exactly the values `--json` prints (read back with exceljs; and, where LibreOffice is
// installed, converted to CSV by `soffice --headless` and compared again), with Chinese or
// English headers, a title line, a frozen, filterable header row. xlsx without --out is a usage
// error; a CSV written with --out starts with a BOM, the CSV on stdout does not.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ComparisonResult } from '@fixops/compare';
import type { LoadRecord, LoadSummary, StoredReject } from '@fixops/ingest';
import { KPIS, type BenchmarkRow, type CoverageCell, type Flag, type KpiValue } from '@fixops/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, demoCopy, fixops, parseJson, tempDir } from './test-helpers/run.js';

const EAST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'comparisons', 'east-region-service-scorecard.yaml');

afterAll(cleanup);

let db: string;
let dir: string;
let loadId: number;
beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'demo.duckdb');
  await demoCopy(db);
  // A load with rejected rows, one of them a formula.
  const file = join(dir, 'bad.csv');
  writeFileSync(file, '经销商代码,工单号,VIN,进厂时间,维修类型,总金额\nZZ001,X1,LX1,2025-03-01 10:00,保养,100\nZZ001,X2,LX2,never,保养,1\nZZ001,=HYPERLINK("x"),LX3,=1+1,保养,1\n');
  const ingest = fixops(['ingest', '--db', db, '--json', '--max-reject-rate', '1', file]);
  expect(ingest.code, ingest.stderr).toBe(0);
  loadId = parseJson<LoadSummary[]>(ingest.stdout)[0]!.loadId!;
});

async function sheetOf(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

/** Rows below the title and header, as plain values (empty cells null). */
function body(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  const width = ws.getRow(2).cellCount;
  for (let r = 3; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null));
  }
  return rows;
}
const header = (ws: ExcelJS.Worksheet) => (ws.getRow(2).values as unknown[]).slice(1);

/** Runs a command twice: `--json` and `--format xlsx --out`; returns the JSON and the sheet. */
async function both<T>(args: string[], name: string, extra: string[] = []): Promise<{ json: T; ws: ExcelJS.Worksheet; path: string }> {
  const j = fixops([...args, '--db', db, '--json']);
  expect(j.code, j.stderr).toBe(0);
  const path = join(dir, name);
  const x = fixops([...args, '--db', db, '--format', 'xlsx', '--out', path, ...extra]);
  expect(x.code, x.stderr).toBe(0);
  expect(x.stdout).toBe('');
  expect(x.stderr).toContain(path);
  return { json: parseJson<T>(j.stdout), ws: await sheetOf(path), path };
}

function expectLayout(ws: ExcelJS.Worksheet, title: RegExp) {
  expect((ws.getCell('A1').value as string)).toMatch(title);
  expect((ws.getCell('A1').value as string)).toMatch(/(导出于|exported) \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect(ws.autoFilter).toMatch(/^A2:[A-Z]+2$/);
}

describe('fixops … --format xlsx --out FILE', () => {
  it('kpis: one row per dealer-month, each KPI a typed column holding the --json value', async () => {
    const { json, ws } = await both<KpiValue[]>(['kpis', '--dealer', 'SH001', '--from', '2025-01', '--to', '2025-12'], 'kpis.xlsx');
    expectLayout(ws, /^KPI 数值 · SH001 · 2025-01 – 2025-12 · 导出于/);
    expect(header(ws)).toEqual(['经销商', '月份', ...KPIS.map((k) => k.zh)]);
    const rows = body(ws);
    expect(rows).toHaveLength(12);
    for (const v of json) {
      const row = rows.find((r) => r[0] === v.dealer && r[1] === v.month)!;
      expect(row[2 + KPIS.findIndex((k) => k.id === v.kpi)], `${v.month} ${v.kpi}`).toBe(v.value);
    }
    const rate = KPIS.findIndex((k) => k.unit === 'rate') + 1 + 2;
    const money = KPIS.findIndex((k) => k.unit === 'money') + 1 + 2;
    expect(ws.getRow(3).getCell(rate).numFmt).toBe('0.0%');
    expect(ws.getRow(3).getCell(money).numFmt).toBe('¥#,##0.00');
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(6);
  });

  it('kpis --lang en: English headers and title', async () => {
    const path = join(dir, 'kpis-en.xlsx');
    expect(fixops(['kpis', '--db', db, '--month', '2025-06', '--lang', 'en', '--format', 'xlsx', '--out', path]).code).toBe(0);
    const ws = await sheetOf(path);
    expect((ws.getCell('A1').value as string)).toMatch(/^KPI values · 2025-06 · exported /);
    expect(header(ws)).toEqual(['Dealer', 'Month', ...KPIS.map((k) => k.en)]);
    expect(body(ws)).toHaveLength(12);
  });

  it('flags: the --json flags in order, values in the KPI\'s unit', async () => {
    const { json, ws } = await both<Flag[]>(['flags', '--month', '2025-12'], 'flags.xlsx');
    expectLayout(ws, /^问题提示 · 2025-12 · /);
    const rows = body(ws);
    expect(rows.length).toBe(json.length);
    expect(json.length).toBeGreaterThan(0);
    json.forEach((f, i) => {
      expect([rows[i]![0], rows[i]![1], rows[i]![2], rows[i]![5], rows[i]![6]]).toEqual([f.dealer, f.month, f.kpi, f.value, f.message]);
    });
  });

  it('benchmark: every --json field of every row', async () => {
    const j = fixops(['benchmark', '--db', db, '--month', '2025-12', '--kpi', 'booking_rate', '--format', 'json']);
    const json = parseJson<BenchmarkRow[]>(j.stdout);
    const path = join(dir, 'bench.xlsx');
    expect(fixops(['benchmark', '--db', db, '--month', '2025-12', '--kpi', 'booking_rate', '--format', 'xlsx', '--out', path]).code).toBe(0);
    const ws = await sheetOf(path);
    expectLayout(ws, /^同组对标 · 预约率 · 2025-12 · /);
    expect(body(ws)).toEqual(json.map((r) => [r.group, r.groupSize, r.rank, r.dealer, r.name, r.value, r.percentile, r.p25, r.median, r.p75, r.gapToMedian, r.gapToTopQuartile]));
    expect(ws.getRow(3).getCell(6).numFmt).toBe('0.0%');
  });

  it('compare: rank, dealer, score and each component\'s value as in --format json', async () => {
    const j = fixops(['compare', EAST, '--db', db, '--month', '2025-12', '--format', 'json']);
    const r = parseJson<ComparisonResult>(j.stdout);
    const path = join(dir, 'compare.xlsx');
    const x = fixops(['compare', EAST, '--db', db, '--month', '2025-12', '--format', 'xlsx', '--out', path]);
    expect(x.code, x.stderr).toBe(0);
    const ws = await sheetOf(path);
    expectLayout(ws, new RegExp(`^${r.title.zh} · `));
    const rows = body(ws);
    expect(rows.map((row) => [row[0], row[1], row[5]])).toEqual(r.rows.map((d) => [d.rank, d.dealer, d.score]));
    r.rows.forEach((d, i) => r.components.forEach((c, k) => expect(rows[i]![11 + 2 * k]).toBe(d.components.find((p) => p.id === c.id)!.value)));
  });

  it('coverage: one row per --json cell, rows stored or empty', async () => {
    const { json, ws } = await both<CoverageCell[]>(['coverage', '--from', '2025-10', '--to', '2025-12'], 'coverage.xlsx');
    expectLayout(ws, /^数据上报情况 · 2025-10 – 2025-12 · /);
    const rows = body(ws);
    expect(rows.map((r) => [r[0], r[2], r[4]])).toEqual(json.map((c) => [c.dealer, c.month, c.rows]));
  });

  it('loads: the --json load log, times as date cells', async () => {
    const { json, ws } = await both<LoadRecord[]>(['loads'], 'loads.xlsx');
    const rows = body(ws);
    expect(rows.map((r) => [r[0], r[2], r[7], r[8]])).toEqual(json.map((l) => [l.id, l.file, l.rowsLoaded, l.rowsRejected]));
    expect(ws.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect((ws.getRow(3).getCell(2).value as Date).toISOString().slice(0, 19)).toBe(json[0]!.startedAt.replace(' ', 'T').slice(0, 19));
  });

  it('rejects: every rejected row, formula text neutralised as in the CSV', async () => {
    const { json, ws } = await both<StoredReject[]>(['rejects', '--load', String(loadId)], 'rejects.xlsx');
    expectLayout(ws, new RegExp(`^被拒的行 · #${loadId} · .*bad\\.csv · `));
    const rows = body(ws);
    expect(rows.map((r) => r[0])).toEqual(json.map((r) => r.row));
    const formula = rows.find((r) => String(r[4]).includes('HYPERLINK'))!;
    expect(formula[2]).toBe('\'=1+1');
    const csv = fixops(['rejects', '--db', db, '--load', String(loadId), '--csv']).stdout;
    expect(csv).toContain(',\'=1+1,');
  });

  it('rows: every row behind a value, in the --json order, 计入分子 counting the numerator', async () => {
    const { json, ws } = await both<{ numerator: number; denominator: number; total: number; rows: { ro_no: string; in_numerator: boolean }[] }>(
      ['rows', '--dealer', 'SH001', '--month', '2025-12', '--kpi', 'on_time_rate', '--limit', '1000'], 'rows.xlsx');
    expectLayout(ws, /^准时交车率 明细行 · SH001 · 2025-12 · /);
    expect(json.total).toBe(json.rows.length);
    const rows = body(ws);
    const inNum = header(ws).indexOf('计入分子');
    expect(rows.map((r) => r[0])).toEqual(json.rows.map((r) => r.ro_no));
    expect(rows.filter((r) => r[inNum] === '是')).toHaveLength(json.numerator);
    expect(rows).toHaveLength(json.denominator);
  });

  it('--format xlsx without --out is a usage error (exit 2), nothing written to the terminal', () => {
    for (const args of [['rows', '--dealer', 'SH001', '--month', '2025-12', '--kpi', 'ro_count'], ['kpis'], ['flags'], ['coverage'], ['loads'], ['rejects', '--load', '1'], ['benchmark', '--month', '2025-12', '--kpi', 'booking_rate'], ['compare', EAST]]) {
      const r = fixops([...args, '--db', db, '--format', 'xlsx']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--format xlsx needs --out FILE\.xlsx/);
    }
    const r = fixops(['kpis', '--db', db, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('choose from table, json, xlsx');
  });

  it('a folder that does not exist: exit 1, one clear line, no stack, no partial file', () => {
    const r = fixops(['kpis', '--db', db, '--format', 'xlsx', '--out', join(dir, 'nope', 'k.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^fixops kpis: 无法写入 .*k\.xlsx：文件夹不存在 \/ Cannot write .*k\.xlsx: the folder does not exist\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('CSV: no BOM on stdout, a BOM in a file written with --out', () => {
    const stdout = fixops(['benchmark', '--db', db, '--month', '2025-12', '--kpi', 'booking_rate', '--format', 'csv']);
    expect(stdout.stdout.startsWith('\uFEFF')).toBe(false);
    const path = join(dir, 'bench.csv');
    expect(fixops(['benchmark', '--db', db, '--month', '2025-12', '--kpi', 'booking_rate', '--format', 'csv', '--out', path]).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(`\uFEFF${stdout.stdout}`);
    const cmp = join(dir, 'compare.csv');
    expect(fixops(['compare', EAST, '--db', db, '--month', '2025-12', '--format', 'csv', '--out', cmp]).code).toBe(0);
    expect(readFileSync(cmp, 'utf8')).toBe(`\uFEFF${fixops(['compare', EAST, '--db', db, '--month', '2025-12', '--format', 'csv']).stdout}`);
    const rej = join(dir, 'rejects.csv');
    expect(fixops(['rejects', '--db', db, '--load', String(loadId), '--csv', '--out', rej]).code).toBe(0);
    expect(readFileSync(rej, 'utf8')).toBe(`\uFEFF${fixops(['rejects', '--db', db, '--load', String(loadId), '--csv']).stdout}`);
  });
});

// LibreOffice reads the workbooks too: converted to CSV by soffice, the same values as --json.
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!soffice)('workbooks open in LibreOffice (soffice --headless --convert-to csv)', () => {
  /** Converts with the cells' own values (not as shown), UTF-8, comma-separated; returns the CSV rows. */
  function viaLibreOffice(path: string): string[][] {
    const out = tempDir();
    // Token 9 false: numbers written as stored, not as formatted (1234.5, not ¥1,234.50).
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false', '--outdir', out, path], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const csv = join(out, path.split('/').at(-1)!.replace(/\.xlsx$/, '.csv'));
    expect(existsSync(csv), r.stdout + r.stderr).toBe(true);
    return Papa.parse<string[]>(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  }
  /** A number as LibreOffice writes it unformatted; a percent cell keeps its % sign (full precision). */
  const num = (text: string | undefined) => {
    if (text === undefined || text === '') return null;
    const plain = text.replace(/[¥,]/g, '');
    return plain.endsWith('%') ? Number(plain.slice(0, -1)) / 100 : Number(plain);
  };

  it('kpis: every --json value', () => {
    const json = parseJson<KpiValue[]>(fixops(['kpis', '--db', db, '--dealer', 'SH001', '--from', '2025-01', '--to', '2025-12', '--json']).stdout);
    const rows = viaLibreOffice(join(dir, 'kpis.xlsx'));
    expect(rows[0]![0]).toMatch(/^KPI 数值 · SH001/);
    expect(rows[1]).toEqual(['经销商', '月份', ...KPIS.map((k) => k.zh)]);
    for (const v of json) {
      const row = rows.slice(2).find((r) => r[0] === v.dealer && r[1] === v.month)!;
      const got = num(row[2 + KPIS.findIndex((k) => k.id === v.kpi)]);
      if (v.value === null) expect(got).toBeNull();
      else expect(got).toBeCloseTo(v.value, 9);
    }
  }, 180_000);

  it('benchmark and loads: numbers, text and dates as --json', () => {
    const json = parseJson<BenchmarkRow[]>(fixops(['benchmark', '--db', db, '--month', '2025-12', '--kpi', 'booking_rate', '--format', 'json']).stdout);
    const rows = viaLibreOffice(join(dir, 'bench.xlsx')).slice(2);
    expect(rows.map((r) => [r[3], num(r[2]), num(r[5])])).toEqual(json.map((r) => [r.dealer, r.rank, r.value === null ? null : expect.closeTo(r.value, 9) as unknown]));
    const loads = parseJson<LoadRecord[]>(fixops(['loads', '--db', db, '--json']).stdout);
    const lrows = viaLibreOffice(join(dir, 'loads.xlsx')).slice(2);
    expect(lrows.map((r) => [num(r[0]), r[2], num(r[7])])).toEqual(loads.map((l) => [l.id, l.file, l.rowsLoaded]));
    expect(lrows[0]![1]).toBe(loads[0]!.startedAt.slice(0, 19));
  }, 180_000);
});
