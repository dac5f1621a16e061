// The overview table's rules: which KPI columns it has (from the catalogue), which rows a filter
// keeps and in which order a column sorts them (missing values last in both directions, ties by
// dealer code).

import type { CatalogEntry, OverviewRow } from './api.js';
import { KEY_KPIS } from './kpi.js';

export type SortDir = 'asc' | 'desc';

export interface OverviewFilter {
  region: string;
  group: string;
  /** Matched against code and name, case-insensitive. */
  text: string;
}

/** The KPI columns: the key KPIs the catalogue holds, then every KPI a network added as a file, in catalogue order. */
export function overviewColumns(catalog: readonly Pick<CatalogEntry, 'id' | 'custom'>[], key: readonly string[] = KEY_KPIS): string[] {
  const known = new Set(catalog.map((k) => k.id));
  return [...key.filter((k) => known.has(k)), ...catalog.filter((k) => k.custom && !key.includes(k.id)).map((k) => k.id)];
}

/** A column's sort value: text columns, KPIs, flag total, checklist rate. */
export function sortValue(row: OverviewRow, key: string): string | number | null {
  switch (key) {
    case 'code': return row.code;
    case 'name': return row.name ?? null;
    case 'region': return row.region ?? null;
    case 'group': return row.group;
    case 'month': return row.latestMonth ?? null;
    case 'flags': return row.flags.total;
    case 'checklist': return row.checklist ? row.checklist.rate : null;
    default: {
      const v = row.kpis[key];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
  }
}

export function filterRows(rows: readonly OverviewRow[], f: OverviewFilter): OverviewRow[] {
  const text = f.text.trim().toLowerCase();
  return rows.filter((r) => (!f.region || r.region === f.region) && (!f.group || r.group === f.group)
    && (!text || r.code.toLowerCase().includes(text) || (r.name ?? '').toLowerCase().includes(text)));
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

export function sortRows(rows: readonly OverviewRow[], key: string, dir: SortDir): OverviewRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  // Compute each key once (300 rows: cheap either way, but keeps the comparator trivial).
  const keyed = rows.map((row) => ({ row, v: sortValue(row, key) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) {
      if (a.v === null && b.v === null) return collator.compare(a.row.code, b.row.code);
      return a.v === null ? 1 : -1;
    }
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
    return c !== 0 ? sign * c : collator.compare(a.row.code, b.row.code);
  });
  return keyed.map((k) => k.row);
}

/** The distinct non-empty values of a text field, sorted. */
export function choices(rows: readonly OverviewRow[], field: 'region' | 'group'): string[] {
  return [...new Set(rows.map((r) => r[field]).filter((v): v is string => !!v))].sort(collator.compare);
}
