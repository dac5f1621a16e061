// Data for a KPI trend chart: the dealer's value per month with its peer group's P25, median
// and P75, and the y range that shows all of them and the target.

import type { KpiValue, PeerStat } from '../api.js';

export interface TrendPoint {
  month: string;
  value: number | null;
  /** The value is not computed yet: the dealer's history is still warming up (数据积累中), not a gap. */
  warming: boolean;
  p25: number | null;
  median: number | null;
  p75: number | null;
}

/** One point per month (in the order given), for one KPI. */
export function trendPoints(months: readonly string[], kpi: string, values: readonly (Pick<KpiValue, 'month' | 'kpi' | 'value'> & Partial<Pick<KpiValue, 'dealer' | 'status'>>)[], peers: readonly PeerStat[]): TrendPoint[] {
  const v = new Map(values.filter((x) => x.kpi === kpi).map((x) => [x.month, x]));
  const p = new Map(peers.filter((x) => x.kpi === kpi).map((x) => [x.month, x]));
  return months.map((month) => ({
    month, value: v.get(month)?.value ?? null, warming: v.get(month)?.status === 'warming_up', p25: p.get(month)?.p25 ?? null, median: p.get(month)?.median ?? null, p75: p.get(month)?.p75 ?? null,
  }));
}

/** [min, max] over values, bands and target, widened by 8% (or around a single value); rates stay within 0..1 when they fit. */
export function trendDomain(points: readonly TrendPoint[], target: number | null, unit: 'count' | 'rate' | 'money'): [number, number] {
  const all: number[] = [];
  for (const p of points) for (const n of [p.value, p.p25, p.p75, p.median]) if (n !== null && Number.isFinite(n)) all.push(n);
  if (target !== null) all.push(target);
  if (all.length === 0) return unit === 'rate' ? [0, 1] : [0, 1];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const span = hi - lo || Math.abs(hi) || 1;
  lo -= span * 0.08;
  hi += span * 0.08;
  if (unit !== 'money' || lo < 0) lo = Math.max(lo, unit === 'rate' || unit === 'count' ? 0 : lo);
  if (unit === 'rate') hi = Math.min(hi, 1);
  return [lo, hi];
}
