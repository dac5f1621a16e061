// The downloadable tables as workbook descriptions: columns typed by KPI unit, rows from the
// same records the JSON answers hold, titles saying what the rows were cut to.

import { describe, expect, it } from 'vitest';
import { KPIS, type Flag, type KpiValue } from '@fixops/metrics';
import { flagsSheet, kpisSheet, loadsSheet, unitType } from './sheets.js';

const rows = async (t: { rows: unknown }) => {
  const out: unknown[] = [];
  for await (const r of t.rows as AsyncIterable<unknown>) out.push(r);
  return out;
};

describe('sheets', () => {
  it('types KPI units: rates as percent, money as money, counts as numbers', () => {
    expect([unitType('rate'), unitType('money'), unitType('count')]).toEqual(['percent', 'money', 'number']);
  });

  it('kpis: one row per dealer-month, one typed column per KPI present, nulls kept', async () => {
    const [a, b] = [KPIS.find((k) => k.unit === 'rate')!, KPIS.find((k) => k.unit === 'money')!];
    const values: KpiValue[] = [
      { dealer: 'SH001', month: '2025-01', kpi: a.id, value: 0.5, status: 'ok' }, { dealer: 'SH001', month: '2025-01', kpi: b.id, value: 1200, status: 'ok' },
      { dealer: 'SH001', month: '2025-02', kpi: a.id, value: null, status: 'not_tracked' }, { dealer: 'SH001', month: '2025-02', kpi: b.id, value: 900, status: 'ok' },
    ];
    const t = kpisSheet(values, { dealer: 'SH001', from: '2025-01', to: '2025-02' });
    expect(t.details).toEqual(['SH001', '2025-01 – 2025-02']);
    expect(t.columns.map((c) => c.type)).toEqual(['text', 'month', ...KPIS.filter((k) => k === a || k === b).map((k) => unitType(k.unit))]);
    const body = await rows(t);
    expect(body).toHaveLength(2);
    const ia = 2 + KPIS.filter((k) => k === a || k === b).indexOf(a);
    expect((body[1] as unknown[])[ia]).toBeNull();
    expect(kpisSheet([], { from: '2025-06', to: '2025-06' }).details).toEqual(['2025-06']);
  });

  it('kpis: a warming-up value reads 数据积累中 / warming up, a not-tracked one stays empty', async () => {
    const churn = KPIS.find((k) => k.id === 'churn_rate')!;
    const values: KpiValue[] = [
      { dealer: 'BJ002', month: '2024-03', kpi: churn.id, value: null, status: 'warming_up' },
      { dealer: 'BJ002', month: '2024-04', kpi: churn.id, value: null, status: 'not_tracked' },
    ];
    expect(await rows(kpisSheet(values, {}, 'zh'))).toEqual([['BJ002', '2024-03', '数据积累中'], ['BJ002', '2024-04', null]]);
    expect(await rows(kpisSheet(values, {}, 'en'))).toEqual([['BJ002', '2024-03', 'warming up'], ['BJ002', '2024-04', null]]);
  });

  it('flags: each value typed by its KPI\'s unit', async () => {
    const rate = KPIS.find((k) => k.unit === 'rate')!;
    const flag = { dealer: 'SH001', month: '2025-01', kpi: rate.id, kind: 'target', value: 0.2, reference: null, message: 'm', messages: { zh: 'm', en: 'm' } } as Flag;
    const [row] = (await rows(flagsSheet([flag], { lang: 'en', kind: 'target' }))) as unknown[][];
    expect(row![5]).toEqual({ value: 0.2, type: 'percent' });
    expect(row![3]).toBe(rate.en);
    expect(row![4]).toBe('target');
  });

  it('loads: dealers and months joined, the start time a date-time column', async () => {
    const t = loadsSheet([{ id: 3, startedAt: '2026-12-01 10:00:00', file: 'a.csv', status: 'loaded', kind: 'repair_orders', dealers: ['A', 'B'], months: ['2025-01'], rowsLoaded: 5, rowsRejected: 0, rowsSkipped: 0, rowsDuplicate: 0, encoding: 'utf-8', separator: 'comma', uploadedBy: 'x', ms: 12 } as never]);
    expect(t.columns[1]!.type).toBe('datetime');
    expect(((await rows(t)) as unknown[][])[0]!.slice(0, 7)).toEqual([3, '2026-12-01 10:00:00', 'a.csv', 'loaded', 'repair_orders', 'A, B', '2025-01']);
  });
});
