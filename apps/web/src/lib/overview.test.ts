import { describe, expect, it } from 'vitest';
import type { OverviewRow } from './api.js';
import { KEY_KPIS } from './kpi.js';
import { choices, filterRows, overviewColumns, sortRows } from './overview.js';

const row = (code: string, region: string | null, group: string, booking: number | null, flags = 0): OverviewRow => ({
  code, name: `${code} 汽车`, region, group, city: null, regionName: region === null ? null : { zh: region, en: region }, groupName: { zh: group, en: group }, latestMonth: '2025-12', kpis: { booking_rate: booking },
  flags: { total: flags, not_tracked: 0, target: flags, trend: 0, peer: 0 },
  spark: { kpi: 'ro_count', months: [], values: [] }, checklist: null,
});

const rows = [row('SZ009', '华南', 'metro', 0.24, 14), row('BJ002', '华北', 'metro', 0.2, 9), row('FS006', '华南', 'city', null, 8), row('DG012', '华南', 'city', 0.43, 8)];

describe('overview sorting', () => {
  it('sorts a KPI either way with missing values last, ties by code', () => {
    expect(sortRows(rows, 'booking_rate', 'desc').map((r) => r.code)).toEqual(['DG012', 'SZ009', 'BJ002', 'FS006']);
    expect(sortRows(rows, 'booking_rate', 'asc').map((r) => r.code)).toEqual(['BJ002', 'SZ009', 'DG012', 'FS006']);
    expect(sortRows(rows, 'flags', 'desc').map((r) => r.code)).toEqual(['SZ009', 'BJ002', 'DG012', 'FS006']);
    expect(sortRows(rows, 'code', 'asc').map((r) => r.code)).toEqual(['BJ002', 'DG012', 'FS006', 'SZ009']);
  });
  it('does not change the rows it was given', () => {
    const before = rows.map((r) => r.code);
    sortRows(rows, 'booking_rate', 'desc');
    expect(rows.map((r) => r.code)).toEqual(before);
  });
});

describe('overview filters', () => {
  it('keeps rows by region, peer group and text', () => {
    expect(filterRows(rows, { region: '华南', group: '', text: '' }).map((r) => r.code)).toEqual(['SZ009', 'FS006', 'DG012']);
    expect(filterRows(rows, { region: '华南', group: 'city', text: '' }).map((r) => r.code)).toEqual(['FS006', 'DG012']);
    expect(filterRows(rows, { region: '', group: '', text: 'sz0' }).map((r) => r.code)).toEqual(['SZ009']);
    expect(filterRows(rows, { region: '', group: '', text: '汽车' })).toHaveLength(4);
  });
  it('offers each region and group once, sorted', () => {
    expect(choices(rows, 'group')).toEqual(['city', 'metro']);
    expect(choices([...rows, row('X1', null, 'metro', 0.1)], 'region')).toHaveLength(2);
  });
});

describe('overview KPI columns', () => {
  it('are the key KPIs the catalogue holds, then the KPIs added as files, in catalogue order', () => {
    const catalog = [...KEY_KPIS, 'accident_share'].map((id) => ({ id, custom: false }));
    expect(overviewColumns(catalog)).toEqual([...KEY_KPIS]);
    const added = [...catalog, { id: 'first_service_share', custom: true }, { id: 'z_custom', custom: true }];
    expect(overviewColumns(added)).toEqual([...KEY_KPIS, 'first_service_share', 'z_custom']);
    // a key KPI removed from the catalogue leaves the table
    expect(overviewColumns(added.filter((k) => k.id !== 'churn_rate'))).not.toContain('churn_rate');
  });
});
