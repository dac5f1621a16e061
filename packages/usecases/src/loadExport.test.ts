import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, queryJson, type Database } from '@fixops/db';
import { listLoads, listRejects } from '@fixops/ingest';
import { storeSetting } from '@fixops/metrics';
import { loadExport } from './loadExport.js';

const SAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/samples');
const DEALERS = join(SAMPLES, 'dealers.csv');
// 148 data rows, 2 of them bad (1.4 %).
const ROS = join(SAMPLES, 'SH001_repair_orders_2025-10_2025-12.csv');

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixops-load-export-'));
  db = await openDatabase(join(dir, 'fixops.duckdb'));
  expect((await loadExport(db.connection, { path: DEALERS, uploadedBy: 'test' })).status).toBe('loaded');
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const kpiRows = async (dealer: string) => Number((await queryJson<{ n: number }>(db.connection,
  'SELECT count(*)::INTEGER AS n FROM kpi_values WHERE dealer_code = $dealer AND value IS NOT NULL', { dealer }))[0]!.n);

describe('loadExport', () => {
  it('stores the rows, recomputes the KPIs of the loaded months and records the load in the log', async () => {
    expect(await kpiRows('SH001')).toBe(0);
    const s = await loadExport(db.connection, { path: ROS, fileName: 'ros.csv', uploadedBy: '张三' });
    expect(s).toMatchObject({ status: 'loaded', kind: 'repair_orders', dealers: ['SH001'], months: ['2025-10', '2025-11', '2025-12'], rowsRejected: 2 });
    const months = await queryJson<{ m: string }>(db.connection,
      "SELECT DISTINCT strftime(month, '%Y-%m') AS m FROM kpi_values WHERE dealer_code = 'SH001' AND kpi = 'ro_count' AND value > 0 ORDER BY 1");
    expect(months.map((r) => r.m)).toEqual(['2025-10', '2025-11', '2025-12']);
    const [log] = await listLoads(db.connection, { dealer: 'SH001' });
    expect(log).toMatchObject({ id: s.loadId, file: 'ros.csv', status: 'loaded', uploadedBy: '张三', rowsRejected: 2 });
  });

  it('takes the reject threshold from the settings unless the caller overrides it', async () => {
    await storeSetting(db.connection, 'maxRejectRate', 0.01);
    const refused = await loadExport(db.connection, { path: ROS });
    expect(refused.status).toBe('refused');
    expect(refused.error?.code).toBe('too_many_rejected');
    expect(await kpiRows('SH001')).toBe(0);
    const loaded = await loadExport(db.connection, { path: ROS, maxRejectRate: 0.05 });
    expect(loaded.status).toBe('loaded');
    expect(await kpiRows('SH001')).toBeGreaterThan(0);
  });

  it('passes the dealer and the foreign-rows rule through: another dealer\'s file is refused whole', async () => {
    const s = await loadExport(db.connection, { path: ROS, dealer: 'BJ002', refuseForeignRows: true, uploadedBy: 'bj' });
    expect(s.status).toBe('refused');
    expect(await kpiRows('SH001')).toBe(0);
    expect(await kpiRows('BJ002')).toBe(0);
  });

  it('passes the kind, encoding and separator overrides through', async () => {
    const wrongKind = await loadExport(db.connection, { path: ROS, kind: 'bookings' });
    expect(wrongKind.status).toBe('refused');
    const wrongSeparator = await loadExport(db.connection, { path: ROS, separator: '\t' });
    expect(wrongSeparator.status).toBe('refused');
    const wrongEncoding = await loadExport(db.connection, { path: ROS, encoding: 'utf-16le' });
    expect(wrongEncoding.status).toBe('refused');
    const s = await loadExport(db.connection, { path: ROS, kind: 'repair_orders', encoding: 'utf-8-bom', separator: ',' });
    expect(s).toMatchObject({ status: 'loaded', kind: 'repair_orders', encoding: 'utf-8-bom', separator: 'comma' });
  });
});

describe('loadExport limits from the FIXOPS_* settings (the CLI and the server read the same ones)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  it('FIXOPS_MAX_COLUMNS=16 refuses the 17-column export whole, saying so in zh and en', async () => {
    vi.stubEnv('FIXOPS_MAX_COLUMNS', '16');
    const s = await loadExport(db.connection, { path: ROS, fileName: 'ros.csv' });
    expect(s).toMatchObject({ status: 'refused', rowsLoaded: 0, error: { code: 'too_many_columns' } });
    expect(s.error?.message.en).toBe('ros.csv: too many columns (the limit is 16 columns per file; its header has 17); nothing was loaded.');
    expect(s.error?.message.zh).toContain('每个文件最多 16 列');
  });
  it('FIXOPS_MAX_REJECTS_STORED=1 stores one rejected row and still counts both', async () => {
    vi.stubEnv('FIXOPS_MAX_REJECTS_STORED', '1');
    const s = await loadExport(db.connection, { path: ROS, fileName: 'ros.csv' });
    expect(s).toMatchObject({ status: 'loaded', rowsRejected: 2 });
    expect(await listRejects(db.connection, s.loadId!)).toHaveLength(1);
  });
  it('a bad value refuses the load naming the variable', async () => {
    vi.stubEnv('FIXOPS_MAX_ROWS', 'lots');
    await expect(loadExport(db.connection, { path: ROS })).rejects.toThrow(/FIXOPS_MAX_ROWS="lots" is not valid/);
  });
});
