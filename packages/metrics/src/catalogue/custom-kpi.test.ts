// The catalogue from files on the demo network: the compiled SQL gives bit-for-bit the values of
// the hand-written SQL it replaced (default and changed settings), and a KPI added as a file
// (首保占比) is computed, flagged against its target, benchmarked, and logged as added — and as
// removed when its file goes; its rows spec counts the same rows as its value.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson, transaction, type Database } from '@fixops/db';
import { reloadCatalogue, KPIS } from '../catalog.js';
import { benchmark } from '../benchmark.js';
import { defaultSettings, readSettings, SETTINGS, storeSetting } from '../settings.js';
import { recomputeAll, syncCatalogue } from '../compute/recompute.js';
import { scopeAll } from '../compute/scope.js';
import { computeMonthly } from '../compute/monthly.js';
import { kpiRowsSpec } from '../rows-spec.js';
import { demoDatabase } from '../test-helpers/network.js';
import { legacyMonthly } from '../test-helpers/legacy-monthly.js';
import { EXAMPLE_KPIS_DIR, SHIPPED_KPIS_DIR } from './load.js';

/** 首保占比 (first-service share), the example KPI file the product ships. */
const FIRST_SERVICE = readFileSync(join(EXAMPLE_KPIS_DIR, 'first_service_share.yaml'), 'utf8');

let db: Database;
let dir: string;
beforeAll(async () => {
  ({ db } = await demoDatabase());
  dir = mkdtempSync(join(tmpdir(), 'fixops-kpis-'));
  cpSync(SHIPPED_KPIS_DIR, dir, { recursive: true });
});
afterAll(() => {
  reloadCatalogue(SHIPPED_KPIS_DIR);
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sameAsLegacy(): Promise<void> {
  const c = db.connection;
  const settings = await readSettings(c);
  await scopeAll(c);
  await computeMonthly(c, settings, true);
  await c.run('CREATE OR REPLACE TEMP TABLE compiled AS SELECT * FROM fx_monthly');
  await legacyMonthly(c, settings, true);
  const cols = (await queryJson<{ name: string }>(c, "SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'fx_monthly' ORDER BY column_index")).map((r) => r.name);
  expect(cols).toHaveLength(19);
  const list = cols.map((x) => `"${x}"`).join(', ');
  const diff = await queryJson<{ n: number }>(c, `SELECT count(*)::INTEGER AS n FROM ((SELECT ${list} FROM compiled EXCEPT ALL SELECT ${list} FROM fx_monthly) UNION ALL (SELECT ${list} FROM fx_monthly EXCEPT ALL SELECT ${list} FROM compiled))`);
  expect(diff[0]!.n).toBe(0);
  const rows = await queryJson<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM compiled');
  expect(rows[0]!.n).toBeGreaterThan(200);
}

describe('the compiled KPI files', () => {
  it('give exactly the values of the hand-written SQL, with default settings', async () => {
    await sameAsLegacy();
  });

  it('and with changed thresholds', async () => {
    await storeSetting(db.connection, 'majorAccidentAmount', 5000);
    await storeSetting(db.connection, 'timeEstimateToleranceMinutes', 45);
    await storeSetting(db.connection, 'costEstimateTolerance', 0.05);
    await sameAsLegacy();
    for (const k of ['majorAccidentAmount', 'timeEstimateToleranceMinutes', 'costEstimateTolerance']) await storeSetting(db.connection, k, null);
  });
});

describe('a KPI added as a file (首保占比)', () => {
  it('is computed like a built-in one, flagged against its target, benchmarked, and its addition logged', async () => {
    const c = db.connection;
    await transaction(c, () => syncCatalogue(c)); // the shipped catalogue is stored (by the dealers file's full recompute, or now)
    expect(await transaction(c, () => syncCatalogue(c))).toBeNull();

    writeFileSync(join(dir, 'first_service_share.yaml'), FIRST_SERVICE);
    expect(reloadCatalogue(dir).ok).toBe(true);
    expect(KPIS.at(-1)!.id).toBe('first_service_share');
    expect(SETTINGS.find((s) => s.key === 'target.first_service_share')?.default).toBe(0.2);
    const stats = await transaction(c, () => syncCatalogue(c));
    expect(stats?.catalogue).toEqual({ added: ['first_service_share'], changed: [], removed: [] });

    // independently: per dealer-month, 首保 maintenance ROs / external ROs
    const ros = await queryJson<{ d: string; m: string; t: string; raw: string | null }>(c,
      "SELECT dealer_code AS d, strftime(month, '%Y-%m') AS m, repair_type AS t, repair_type_raw AS raw FROM repair_orders");
    const expected = new Map<string, { num: number; den: number }>();
    for (const r of ros) {
      const e = expected.get(`${r.d}|${r.m}`) ?? { num: 0, den: 0 };
      if (r.t !== 'internal') e.den++;
      if (r.t === 'maintenance' && r.raw === '首保') e.num++;
      expected.set(`${r.d}|${r.m}`, e);
    }
    const got = await queryJson<{ d: string; m: string; value: number | null }>(c,
      "SELECT dealer_code AS d, strftime(month, '%Y-%m') AS m, value FROM kpi_values WHERE kpi = 'first_service_share'");
    const all = await queryJson<{ n: number }>(c, "SELECT count(DISTINCT (dealer_code, month))::INTEGER AS n FROM kpi_values");
    expect(got).toHaveLength(all[0]!.n);
    let nonZero = 0;
    for (const g of got) {
      const e = expected.get(`${g.d}|${g.m}`);
      const want = e && e.den > 0 ? e.num / e.den : null;
      expect([g.d, g.m, g.value]).toEqual([g.d, g.m, want]);
      if ((want ?? 0) > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(0);

    const flags = await queryJson<{ kind: string; n: number }>(c, "SELECT kind, count(*)::INTEGER AS n FROM kpi_flags WHERE kpi = 'first_service_share' GROUP BY kind");
    const targetFlags = await queryJson<{ n: number }>(c, "SELECT count(*)::INTEGER AS n FROM kpi_values WHERE kpi = 'first_service_share' AND value < 0.2");
    expect(flags.find((f) => f.kind === 'target')?.n).toBe(targetFlags[0]!.n);

    const month = got.find((g) => g.value !== null)!.m;
    const bench = await benchmark(c, { month, kpi: 'first_service_share' });
    expect(bench.length).toBeGreaterThan(4);
    expect(bench.every((b) => b.value === null || b.rank !== null)).toBe(true);

    const log = await queryJson<{ file_name: string; status: string }>(c, "SELECT file_name, status FROM loads WHERE status = 'kpi_catalogue'");
    expect(log).toHaveLength(1);
    expect(log[0]!.file_name).toContain('新增 added: first_service_share');

    // its rows: the same filters count the same rows as its value
    const one = got.find((g) => (g.value ?? 0) > 0)!;
    const spec = kpiRowsSpec('first_service_share', await readSettings(c))!;
    const [counts] = await queryJson<{ num: number; den: number }>(c, `
      SELECT count_if(coalesce(${spec.numerator.where}, false))::INTEGER AS num, count_if(coalesce(${spec.denominator!.where}, false))::INTEGER AS den
      FROM ${spec.table} WHERE dealer_code = $dealer AND month = strptime($month, '%Y-%m')::DATE`, { ...spec.params, dealer: one.d, month: one.m });
    expect(counts!.num / counts!.den).toBe(one.value);
  });

  it('changed or removed, is recomputed and logged by name', async () => {
    const c = db.connection;
    writeFileSync(join(dir, 'first_service_share.yaml'), FIRST_SERVICE.replace("value: 0.2 }", "value: 0.1 }"));
    expect(reloadCatalogue(dir).ok).toBe(true);
    expect((await transaction(c, () => recomputeAll(c))).catalogue).toEqual({ added: [], changed: ['first_service_share'], removed: [] });
    rmSync(join(dir, 'first_service_share.yaml'));
    expect(reloadCatalogue(dir).ok).toBe(true);
    expect((await transaction(c, () => recomputeAll(c))).catalogue).toEqual({ added: [], changed: [], removed: ['first_service_share'] });
    const left = await queryJson<{ n: number }>(c, "SELECT count(*)::INTEGER AS n FROM kpi_values WHERE kpi = 'first_service_share'");
    expect(left[0]!.n).toBe(0);
    const log = await queryJson<{ file_name: string }>(c, "SELECT file_name FROM loads WHERE status = 'kpi_catalogue' ORDER BY id");
    expect(log.map((l) => l.file_name.split(': ').slice(1).join(': '))).toEqual(['新增 added: first_service_share', '修改 changed: first_service_share', '删除 removed: first_service_share']);
    expect(defaultSettings()['target.first_service_share']).toBeUndefined();
  });

  it('a bad file keeps the catalogue in use and says which file and field', () => {
    writeFileSync(join(dir, 'zz_bad.yaml'), FIRST_SERVICE.replace('column: repair_type_raw', 'column: repair_typ_raw'));
    const r = reloadCatalogue(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.zh).toContain(`${join(dir, 'zz_bad.yaml')}：value.ratio.numerator.count.where[1].column：未知列 repair_typ_raw（表 repair_orders），是否为 repair_type_raw？`);
    expect(KPIS).toHaveLength(20);
    rmSync(join(dir, 'zz_bad.yaml'));
  });
});
