// The rows behind every number, on the whole demo network: for every KPI with rows and every
// dealer-month, the rows marked in_numerator (counted, or their column summed) and the rows in
// the denominator are what the stored value was computed from (kpiRowsTotals: one query per KPI
// over all dealer-months, by the same marked rows and aggregate as kpiRows), and on a spread of
// dealer-months the listed rows themselves make kpiRows' numerator and denominator. Plus paging,
// `only`, ordering, the accident fall-back rule and the KPIs without rows.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson, type Database } from '@fixops/db';
import { KPIS } from './catalog.js';
import { readSettings, type Settings } from './settings.js';
import { kpiRows, kpiRowsAll, kpiRowsTotals, rowsCsvCells, rowsCsvHeader, type KpiRow, type KpiRowsTotals } from './rows.js';
import { demoDatabase } from './test-helpers/network.js';

let db: Database;
let settings: Settings;
beforeAll(async () => {
  ({ db } = await demoDatabase());
  settings = await readSettings(db.connection);
}, 600_000);
afterAll(() => db.close());

const WITH_ROWS = () => KPIS.filter((k) => k.value || k.id === 'accident_avg_value' || k.id === 'major_accident_count').map((k) => k.id);

async function allRows(dealer: string, month: string, kpi: string): Promise<{ rows: KpiRow[]; ratio: boolean }> {
  const r = await kpiRowsAll(db.connection, { dealer, month, kpi }, settings);
  if (!r.ok) throw new Error(r.error.message.en);
  const rows: KpiRow[] = [];
  for await (const chunk of r.value.chunks) rows.push(...chunk);
  return { rows, ratio: r.value.ratio };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

describe('the rows behind every number, over the whole demo network', () => {
  let months: { dealer: string; month: string }[];
  const totals = new Map<string, KpiRowsTotals[]>();
  beforeAll(async () => {
    months = await queryJson<{ dealer: string; month: string }>(db.connection,
      "SELECT DISTINCT dealer_code AS dealer, strftime(month, '%Y-%m') AS month FROM kpi_values ORDER BY 1, 2");
    for (const kpi of WITH_ROWS()) {
      const r = await kpiRowsTotals(db.connection, kpi, settings);
      if (!r.ok) throw new Error(r.error.message.en);
      totals.set(kpi, r.value);
    }
  }, 600_000);

  it('every KPI with rows, every dealer-month: the rows make the numerator, the denominator and the value', () => {
    expect(months.length).toBe(12 * 24);
    const ids = WITH_ROWS();
    expect(ids).toHaveLength(17); // the 15 KPIs computed from files and the two of the accident fall-back rule
    let checked = 0;
    for (const kpi of ids) {
      const def = KPIS.find((k) => k.id === kpi)!;
      const all = totals.get(kpi)!;
      // one answer for every dealer-month, in order
      expect(all.map(({ dealer, month }) => ({ dealer, month })), kpi).toEqual(months);
      for (const p of all) {
        const { dealer, month } = p;
        if (def.value?.kind === 'ratio' || kpi === 'accident_avg_value') {
          expect(p.denominator, `${kpi} ${dealer} ${month} denominator`).not.toBeNull();
          expect(p.value === null ? p.denominator : close(p.value, p.numerator / p.denominator!), `${kpi} ${dealer} ${month} value`).toBe(p.value === null ? 0 : true);
        } else {
          expect(p.denominator).toBeNull();
          expect(p.value, `${kpi} ${dealer} ${month} value`).not.toBeNull();
          expect(close(p.value!, p.numerator), `${kpi} ${dealer} ${month} value`).toBe(true);
        }
        if (def.value?.kind === 'ratio' && p.value !== null) checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('on a spread of dealer-months (every dealer, every month, every KPI): the listed rows make kpiRows\' numbers, the same as kpiRowsTotals', async () => {
    const ids = WITH_ROWS();
    const dealers = [...new Set(months.map((m) => m.dealer))];
    const monthList = [...new Set(months.map((m) => m.month))];
    let spots = 0;
    for (const [k, kpi] of ids.entries()) {
      const byMonth = new Map(totals.get(kpi)!.map((t) => [`${t.dealer} ${t.month}`, t]));
      // each dealer once per KPI, the month moving with dealer and KPI: over the KPIs, every dealer meets every month
      for (const [d, dealer] of dealers.entries()) {
        const month = monthList[(d * 7 + k * 5) % monthList.length]!;
        const page = await kpiRows(db.connection, { dealer, month, kpi, limit: 1000 }, settings);
        if (!page.ok) throw new Error(page.error.message.en);
        const p = page.value;
        const { rows, ratio } = await allRows(dealer, month, kpi);
        expect(rows).toHaveLength(p.total);
        expect(p.rows).toEqual(rows.slice(0, 1000));
        const inNum = rows.filter((r) => r.in_numerator);
        const num = p.measure === 'sum' ? inNum.reduce((s, r) => s + Number(r.numerator_amount ?? 0), 0) : inNum.length;
        expect(close(num, p.numerator), `${kpi} ${dealer} ${month} numerator`).toBe(true);
        const t = byMonth.get(`${dealer} ${month}`)!;
        expect({ numerator: t.numerator, denominator: t.denominator, rows: t.rows, value: t.value }, `${kpi} ${dealer} ${month} totals`)
          .toEqual({ numerator: p.numerator, denominator: p.denominator, rows: p.total, value: p.value });
        if (t.table !== null) expect(t.table).toBe(p.table);
        if (ratio) {
          const inDen = rows.filter((r) => r.in_denominator);
          const den = p.denominator_measure === 'sum' ? inDen.reduce((s, r) => s + Number(r.denominator_amount ?? 0), 0) : inDen.length;
          expect(close(den, p.denominator!), `${kpi} ${dealer} ${month} denominator`).toBe(true);
          // every row listed is behind the number
          expect(rows.every((r) => r.in_numerator || r.in_denominator)).toBe(true);
          expect(p.value === null ? p.denominator : close(p.value, p.numerator / p.denominator!), `${kpi} ${dealer} ${month} value`).toBe(p.value === null ? 0 : true);
        } else {
          expect(p.denominator).toBeNull();
          expect(rows.every((r) => r.in_numerator)).toBe(true);
          expect(p.value, `${kpi} ${dealer} ${month} value`).not.toBeNull();
          expect(close(p.value!, num), `${kpi} ${dealer} ${month} value`).toBe(true);
        }
        spots++;
      }
    }
    expect(spots).toBe(17 * 12);
  }, 600_000);

  it('the accident fall-back: accident_repairs rows where the month has them, else the accident ROs', async () => {
    const [withAr] = await queryJson<{ dealer: string; month: string }>(db.connection,
      "SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month FROM accident_repairs GROUP BY ALL ORDER BY 1, 2 LIMIT 1");
    const [withoutAr] = await queryJson<{ dealer: string; month: string }>(db.connection, `
      SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month FROM repair_orders WHERE repair_type = 'accident'
      AND (dealer_code, month) NOT IN (SELECT (dealer_code, month) FROM accident_repairs) GROUP BY ALL ORDER BY 1, 2 LIMIT 1`);
    expect(withAr).toBeDefined();
    const a = await kpiRows(db.connection, { ...withAr!, kpi: 'accident_avg_value' }, settings);
    expect(a.ok && a.value.table).toBe('accident_repairs');
    expect(a.ok && a.value.measure).toBe('sum');
    expect(a.ok && a.value.rows.every((r) => r.numerator_amount === r.repair_amount)).toBe(true);
    if (withoutAr) {
      const b = await kpiRows(db.connection, { ...withoutAr, kpi: 'major_accident_count' }, settings);
      expect(b.ok && b.value.table).toBe('repair_orders');
      expect(b.ok && b.value.rows.every((r) => r.repair_type === 'accident' && Number(r.total_amount) >= settings.majorAccidentAmount!)).toBe(true);
    }
  });

  it('lists the misses first for a "higher is better" ratio, and `only` narrows to them', async () => {
    const [dm] = await queryJson<{ dealer: string; month: string }>(db.connection,
      "SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month FROM kpi_values WHERE kpi = 'on_time_rate' AND value < 1 ORDER BY 1, 2 LIMIT 1");
    const all = await kpiRows(db.connection, { ...dm!, kpi: 'on_time_rate', limit: 1000 }, settings);
    if (!all.ok) throw new Error(all.error.message.en);
    const late = all.value.total - all.value.numerator;
    expect(late).toBeGreaterThan(0);
    expect(all.value.rows.slice(0, late).every((r) => !r.in_numerator)).toBe(true);
    expect(all.value.rows.slice(late).every((r) => r.in_numerator)).toBe(true);
    for (const r of all.value.rows.slice(0, late)) expect(String(r.delivered_time) > String(r.promised_time)).toBe(true);
    const missed = await kpiRows(db.connection, { ...dm!, kpi: 'on_time_rate', only: 'not_numerator' }, settings);
    expect(missed.ok && missed.value.total).toBe(late);
    expect(missed.ok && missed.value.rows.map((r) => r.ro_no)).toEqual(all.value.rows.slice(0, Math.min(late, 100)).map((r) => r.ro_no));
    // numerator and denominator stay those of the whole month
    expect(missed.ok && missed.value.numerator).toBe(all.value.numerator);
    // a rework rate (lower is better): the reworks first
    const rw = await kpiRows(db.connection, { ...dm!, kpi: 'rework_rate', limit: 1000 }, settings);
    expect(rw.ok && rw.value.rows.slice(0, rw.value.numerator).every((r) => r.in_numerator && r.repair_type === 'rework')).toBe(true);
  });

  it('pages: limit and offset cut the same ordered list; bad values are refused with a code', async () => {
    const [dm] = await queryJson<{ dealer: string; month: string }>(db.connection, "SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month FROM kpi_values LIMIT 1");
    const all = await kpiRows(db.connection, { ...dm!, kpi: 'ro_count', limit: 1000 }, settings);
    if (!all.ok) throw new Error('no rows');
    const page = await kpiRows(db.connection, { ...dm!, kpi: 'ro_count', limit: 7, offset: 10 }, settings);
    expect(page.ok && page.value.rows).toEqual(all.value.rows.slice(10, 17));
    expect(page.ok && page.value.total).toBe(all.value.total);
    const bad = await kpiRows(db.connection, { ...dm!, kpi: 'ro_count', limit: 1001 }, settings);
    expect(!bad.ok && bad.error.code).toBe('bad_limit');
    const neg = await kpiRows(db.connection, { ...dm!, kpi: 'ro_count', offset: -1 }, settings);
    expect(!neg.ok && neg.error.code).toBe('bad_offset');
    const month = await kpiRows(db.connection, { ...dm!, month: '2025-13', kpi: 'ro_count' }, settings);
    expect(!month.ok && month.error.code).toBe('bad_month');
    const kpi = await kpiRows(db.connection, { ...dm!, kpi: 'on_time' }, settings);
    expect(!kpi.ok && kpi.error.code).toBe('unknown_kpi');
  });

  it('sorts by a column either way (missing values last, ties in the default order); an unknown column is refused', async () => {
    const [dm] = await queryJson<{ dealer: string; month: string }>(db.connection, "SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month FROM kpi_values WHERE kpi = 'on_time_rate' AND value < 1 ORDER BY 1, 2 LIMIT 1");
    const asc = await kpiRows(db.connection, { ...dm!, kpi: 'on_time_rate', limit: 1000, sort: 'delivered_time', dir: 'asc' }, settings);
    const desc = await kpiRows(db.connection, { ...dm!, kpi: 'on_time_rate', limit: 1000, sort: 'delivered_time', dir: 'desc' }, settings);
    if (!asc.ok || !desc.ok) throw new Error('no rows');
    const times = (rows: KpiRow[]) => rows.map((r) => r.delivered_time).filter((v): v is string => typeof v === 'string');
    expect(times(asc.value.rows)).toEqual([...times(asc.value.rows)].sort());
    expect(times(desc.value.rows)).toEqual([...times(asc.value.rows)].sort().reverse());
    expect(asc.value.rows.at(-1)!.delivered_time === null || times(asc.value.rows).length === asc.value.rows.length).toBe(true);
    expect(new Set(asc.value.rows.map((r) => r.ro_no))).toEqual(new Set(desc.value.rows.map((r) => r.ro_no)));
    expect(asc.value.rows.map((r) => r.ro_no)).not.toEqual(desc.value.rows.map((r) => r.ro_no));
    const bad = await kpiRows(db.connection, { ...dm!, kpi: 'on_time_rate', sort: 'dealer_code; DROP' }, settings);
    expect(!bad.ok && bad.error.code).toBe('bad_sort');
  });

  it('the customer-window KPIs and data_completeness have no rows: a clear zh/en error', async () => {
    for (const kpi of ['base_customers', 'churn_rate', 'data_completeness']) {
      const r = await kpiRows(db.connection, { dealer: 'BJ001', month: '2025-06', kpi }, settings);
      expect(!r.ok && r.error.code).toBe('kpi_has_no_rows');
      expect(!r.ok && r.error.message.zh).toContain('没有明细行');
    }
  });

  it('CSV cells and zh/en headers follow the columns', async () => {
    const [dm] = await queryJson<{ dealer: string; month: string }>(db.connection, "SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month FROM kpi_values WHERE kpi = 'on_time_rate' AND value IS NOT NULL LIMIT 1");
    const r = await kpiRowsAll(db.connection, { ...dm!, kpi: 'on_time_rate' }, settings);
    if (!r.ok) throw new Error('no rows');
    expect(rowsCsvHeader(r.value.columns, r.value.ratio, 'zh').slice(0, 3)).toEqual(['工单号', 'VIN', '服务顾问']);
    expect(rowsCsvHeader(r.value.columns, r.value.ratio, 'en').slice(-2)).toEqual(['In numerator', 'In denominator']);
    const first = (await r.value.chunks.next()).value as KpiRow[];
    expect(rowsCsvCells(first[0]!, r.value.columns, true)).toHaveLength(r.value.columns.length + 2);
    // read in chunks, the same rows in the same order as one page
    const small = await kpiRowsAll(db.connection, { ...dm!, kpi: 'on_time_rate' }, settings, 7);
    if (!small.ok) throw new Error('no rows');
    const chunked: KpiRow[] = [];
    for await (const chunk of small.value.chunks) {
      expect(chunk.length).toBeLessThanOrEqual(7);
      chunked.push(...chunk);
    }
    expect(chunked.length).toBeGreaterThan(7);
    expect(chunked).toEqual(first);
  });
});
