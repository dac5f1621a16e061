// Test-only KPI sketch (kpis.md formulas, per dealer-month) over what readExport accepted, to check realism.
import { canonicalStatus, canonicalType, parseMoney, parseTimestamp } from './read-export.js';

export interface MonthKpis {
  ro_count: number;
  accident_share: number | null;
  revenue: number;
  warranty_share: number | null;
  booking_rate: number | null;
  booking_show_rate: number | null;
  on_time_rate: number | null;
  promise_coverage: number | null;
  time_estimate_accuracy: number | null;
  cost_estimate_accuracy: number | null;
  care_product_penetration: number | null;
  rework_rate: number | null;
  unclassified_rate: number | null;
  major_accidents: number;
  churn_rate: number | null;
  base_customers: number | null;
}

const month = (minutes: number): string => new Date(minutes * 60_000).toISOString().slice(0, 7);
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const addMonths = (m: string, d: number): string => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + d;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

export function dealerKpis(
  ros: Array<Record<string, string>>,
  bookings: Array<Record<string, string>>,
  accidents: Array<Record<string, string>>,
  customers: Array<Record<string, string>>,
): Map<string, MonthKpis> {
  const byMonth = new Map<string, Array<Record<string, string>>>();
  const visits = new Map<string, Set<string>>(); // month -> vins
  const addVisit = (m: string, vin: string): void => {
    let s = visits.get(m);
    if (!s) visits.set(m, (s = new Set()));
    s.add(vin.toUpperCase());
  };
  for (const r of ros) {
    const m = month(parseTimestamp(r.open_time ?? '') as number);
    let list = byMonth.get(m);
    if (!list) byMonth.set(m, (list = []));
    list.push(r);
    if (canonicalType(r.repair_type ?? '') !== 'internal') addVisit(m, r.vin ?? '');
  }
  for (const c of customers) addVisit(month(parseTimestamp(c.last_visit_time ?? '') as number), c.vin ?? '');
  const base = (m: string): Set<string> => {
    const s = new Set<string>();
    for (let k = 0; k <= 11; k++) for (const v of visits.get(addMonths(m, -k)) ?? []) s.add(v);
    return s;
  };
  const out = new Map<string, MonthKpis>();
  for (const [m, list] of [...byMonth].sort()) {
    const ext = list.filter((r) => canonicalType(r.repair_type ?? '') !== 'internal');
    const typeOf = (r: Record<string, string>): string => canonicalType(r.repair_type ?? '');
    const amount = (r: Record<string, string>, f: string): number => parseMoney(r[f] ?? '') ?? 0;
    const revenue = ext.reduce((s, r) => s + amount(r, 'total_amount'), 0);
    const both = ext.filter((r) => r.promised_time && r.delivered_time);
    const diff = (r: Record<string, string>): number => (parseTimestamp(r.delivered_time ?? '') as number) - (parseTimestamp(r.promised_time ?? '') as number);
    const est = ext.filter((r) => amount(r, 'estimate_amount') > 0);
    const maint = ext.filter((r) => typeOf(r) === 'maintenance');
    const monthBookings = bookings.filter((b) => month(parseTimestamp(b.appointment_time ?? '') as number) === m);
    const arrived = monthBookings.filter((b) => canonicalStatus(b.status ?? '') === 'arrived').length;
    const noShow = monthBookings.filter((b) => canonicalStatus(b.status ?? '') === 'no_show').length;
    const acc = accidents.filter((a) => month(parseTimestamp(a.open_time ?? '') as number) === m);
    const prevBase = base(addMonths(m, -1));
    const nowBase = base(m);
    let churned = 0;
    for (const v of base(addMonths(m, -1))) if (!nowBase.has(v)) churned++;
    out.set(m, {
      ro_count: ext.length,
      accident_share: ratio(ext.filter((r) => typeOf(r) === 'accident').length, ext.length),
      revenue,
      warranty_share: ratio(ext.filter((r) => typeOf(r) === 'warranty').reduce((s, r) => s + amount(r, 'total_amount'), 0), revenue),
      booking_rate: ratio(ext.filter((r) => r.booking_no).length, ext.length),
      booking_show_rate: ratio(arrived, arrived + noShow),
      on_time_rate: ratio(both.filter((r) => diff(r) <= 0).length, both.length),
      promise_coverage: ratio(ext.filter((r) => r.promised_time).length, ext.length),
      time_estimate_accuracy: ratio(both.filter((r) => Math.abs(diff(r)) <= 30).length, both.length),
      cost_estimate_accuracy: ratio(
        est.filter((r) => Math.abs(amount(r, 'total_amount') - amount(r, 'estimate_amount')) <= 0.1 * amount(r, 'estimate_amount')).length,
        est.length,
      ),
      care_product_penetration: ratio(maint.filter((r) => amount(r, 'care_products_amount') > 0).length, maint.length),
      rework_rate: ratio(ext.filter((r) => typeOf(r) === 'rework').length, ext.length),
      unclassified_rate: ratio(list.filter((r) => typeOf(r) === 'unclassified').length, list.length),
      major_accidents: acc.filter((a) => (parseMoney(a.repair_amount ?? '') ?? 0) >= 10_000).length,
      churn_rate: ratio(churned, prevBase.size),
      base_customers: nowBase.size || null,
    });
  }
  return out;
}
