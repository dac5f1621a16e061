// KPI values of kpis.md computed with plain loops, one dealer-month at a time.
//
// Interpretation decisions where kpis.md leaves room (each is repeated where it is used):
// - Month of a row: the calendar month of its open_time / appointment_time as written
//   (local time, no zone). A delivery in the next month still counts in the RO's month.
// - accident_avg_value: null amounts are skipped (like SQL AVG); with no non-null amount the
//   mean is null. If the dealer-month has accident_repairs rows, only those rows are used,
//   even when all their amounts are null (no fallback to accident ROs then).
// - major_accident_count: rows with a null amount are never >= the threshold (count 0 for
//   them), so a dealer-month with rows but only null amounts gets 0, not null.
// - revenue and the warranty numerator: null total_amount counts 0; negative amounts
//   (credits) are summed as they are. Ratios are not clamped to [0, 1].
// - booking_rate: booking_no is "non-empty" when it is not null and not blank after trimming.
//   It does not need to match a bookings row.
// - Time comparisons use whole seconds: delivered_time <= promised_time for on-time, and
//   abs(delivered - promised) <= tolerance minutes * 60 seconds for the time estimate.
// - cost_estimate_accuracy: an external RO with estimate_amount > 0 and a null total_amount
//   stays in the denominator and is never within tolerance (abs(null - e) <= ... is not
//   true in SQL, and counting null as 0 gives abs(-e) > 0.10 e as well).
// - care_product_penetration: a null care_products_amount is not > 0.
// - unclassified_rate: denominator = every RO of the dealer-month, internal included; null
//   when the dealer-month has no RO rows.
// - base_customers / churn_rate: events of months after m are ignored; events come from
//   external ROs of any month and customers rows of the same dealer; customers rows of a
//   dealer with no RO, booking or accident rows produce no dealer-month at all.
// - churn_rate denominator base_customers(m-1) is counted from events even when m-1 is not
//   a dealer-month; 0 there makes churn null.
// - History coverage (warming up): first(d) is the earliest month of the dealer's RO rows,
//   internal ones included. A customers file is the set of rows with the same `file` (all
//   dealers of it); its as_of is the month of its latest last_visit_time, and it is a file "of
//   d" when one of its rows names d. Month m is covered when m >= first(d) + 11, or when a
//   file of d has as_of <= m and first(d) <= as_of + 1. No RO rows: nothing covered.
//   base_customers needs m covered, churn_rate m and m-1.

import { REF_KPI_IDS } from './catalogue.js';
import { monthIndexOf, monthKey, secondsOf } from './time.js';
import type {
  KpiId,
  RefAccidentRepair,
  RefBooking,
  RefInput,
  RefRepairOrder,
  RefSettings,
  RefValue,
} from './types.js';

export type KpiRecord = Record<KpiId, number | null>;

interface VisitEvent {
  vin: string;
  monthIndex: number;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

function countWhere<T>(rows: T[], predicate: (row: T) => boolean): number {
  let n = 0;
  for (const row of rows) if (predicate(row)) n += 1;
  return n;
}

function isNonEmpty(text: string | null): boolean {
  return text !== null && text.trim() !== '';
}

/** Distinct VINs with an event in months from..to (inclusive). */
function vinsBetween(events: VisitEvent[], from: number, to: number): Set<string> {
  const vins = new Set<string>();
  for (const e of events) if (e.monthIndex >= from && e.monthIndex <= to) vins.add(e.vin);
  return vins;
}

/** Months of every dealer: months with a repair_orders, bookings or accident_repairs row. */
export function dealerMonths(input: RefInput): Map<string, number[]> {
  const byDealer = new Map<string, Set<number>>();
  const add = (dealer: string, time: string): void => {
    let set = byDealer.get(dealer);
    if (set === undefined) {
      set = new Set<number>();
      byDealer.set(dealer, set);
    }
    set.add(monthIndexOf(time));
  };
  for (const r of input.repairOrders) add(r.dealer, r.open_time);
  for (const b of input.bookings) add(b.dealer, b.appointment_time);
  for (const a of input.accidentRepairs) add(a.dealer, a.open_time);
  const result = new Map<string, number[]>();
  for (const dealer of [...byDealer.keys()].sort(compareText)) {
    const months = [...(byDealer.get(dealer) ?? [])].sort((a, b) => a - b);
    result.set(dealer, months);
  }
  return result;
}

function visitEvents(input: RefInput, dealer: string): VisitEvent[] {
  const events: VisitEvent[] = [];
  for (const r of input.repairOrders) {
    if (r.dealer === dealer && r.repair_type !== 'internal') {
      events.push({ vin: r.vin, monthIndex: monthIndexOf(r.open_time) });
    }
  }
  for (const c of input.customerVisits) {
    if (c.dealer === dealer) events.push({ vin: c.vin, monthIndex: monthIndexOf(c.last_visit_time) });
  }
  return events;
}

interface DealerMonthRows {
  ros: RefRepairOrder[];
  bookings: RefBooking[];
  accidents: RefAccidentRepair[];
  events: VisitEvent[];
  month: number;
  /** Whether the customer windows of a month are known (history coverage). */
  covered: (month: number) => boolean;
}

/** kpis.md's history coverage for one dealer, read literally: a predicate over months. */
export function historyCoverage(input: RefInput, dealer: string): (month: number) => boolean {
  let first: number | null = null;
  for (const r of input.repairOrders) {
    if (r.dealer !== dealer) continue;
    const m = monthIndexOf(r.open_time);
    if (first === null || m < first) first = m;
  }
  const asOf = new Map<number, number>();
  const filesOfDealer = new Set<number>();
  for (const c of input.customerVisits) {
    const file = c.file ?? 0;
    const m = monthIndexOf(c.last_visit_time);
    asOf.set(file, Math.max(asOf.get(file) ?? m, m));
    if (c.dealer === dealer) filesOfDealer.add(file);
  }
  const snapshots = [...filesOfDealer].map((f) => asOf.get(f) as number);
  return (month: number): boolean => {
    if (first === null) return false;
    if (month >= first + 11) return true;
    return snapshots.some((a) => a <= month && first !== null && first <= a + 1);
  };
}

export function dealerMonthKpis(rows: DealerMonthRows, settings: RefSettings): { values: KpiRecord; warming: Partial<Record<KpiId, boolean>> } {
  const { ros, bookings, accidents, events, month, covered } = rows;
  const hasRos = ros.length > 0;
  const external = ros.filter((r) => r.repair_type !== 'internal');
  const accidentRos = ros.filter((r) => r.repair_type === 'accident');

  // Counts and sums: null without RO rows, a number (0 included) with them.
  const roCount = hasRos ? external.length : null;
  const accidentRoCount = hasRos ? accidentRos.length : null;
  let revenue: number | null = null;
  let warrantyAmount: number | null = null;
  if (hasRos) {
    revenue = 0;
    warrantyAmount = 0;
    for (const r of external) {
      revenue += r.total_amount ?? 0;
      if (r.repair_type === 'warranty') warrantyAmount += r.total_amount ?? 0;
    }
  }

  // Accident value: accident_repairs rows when the dealer-month has any, else accident ROs.
  let accidentAmounts: (number | null)[] | null = null;
  if (accidents.length > 0) accidentAmounts = accidents.map((a) => a.repair_amount);
  else if (hasRos) accidentAmounts = accidentRos.map((r) => r.total_amount);
  let accidentAvgValue: number | null = null;
  let majorAccidentCount: number | null = null;
  if (accidentAmounts !== null) {
    let sum = 0;
    let known = 0;
    majorAccidentCount = 0;
    for (const amount of accidentAmounts) {
      if (amount === null) continue;
      sum += amount;
      known += 1;
      if (amount >= settings.majorAccidentAmount) majorAccidentCount += 1;
    }
    accidentAvgValue = known > 0 ? sum / known : null;
  }

  const arrived = countWhere(bookings, (b) => b.status === 'arrived');
  const noShow = countWhere(bookings, (b) => b.status === 'no_show');

  const bothTimes = external.filter((r) => r.promised_time !== null && r.delivered_time !== null);
  let onTime = 0;
  let withinTime = 0;
  for (const r of bothTimes) {
    const promised = secondsOf(r.promised_time as string);
    const delivered = secondsOf(r.delivered_time as string);
    if (delivered <= promised) onTime += 1;
    if (Math.abs(delivered - promised) <= settings.timeEstimateToleranceMinutes * 60) withinTime += 1;
  }

  const estimated = external.filter((r) => r.estimate_amount !== null && r.estimate_amount > 0);
  let withinCost = 0;
  for (const r of estimated) {
    const estimate = r.estimate_amount as number;
    if (r.total_amount === null) continue; // never within tolerance, still in the denominator
    if (Math.abs(r.total_amount - estimate) <= settings.costEstimateTolerance * estimate) withinCost += 1;
  }

  const maintenance = ros.filter((r) => r.repair_type === 'maintenance');
  const withCare = countWhere(maintenance, (r) => r.care_products_amount !== null && r.care_products_amount > 0);

  const warming: Partial<Record<KpiId, boolean>> = {
    base_customers: !covered(month),
    churn_rate: !covered(month) || !covered(month - 1),
  };
  const base = vinsBetween(events, month - 11, month);
  const previousBase = vinsBetween(events, month - 12, month - 1);
  let lost = 0;
  for (const vin of previousBase) if (!base.has(vin)) lost += 1;

  const values: Omit<KpiRecord, 'data_completeness'> = {
    ro_count: roCount,
    accident_ro_count: accidentRoCount,
    accident_share: ratio(accidentRoCount, roCount),
    accident_avg_value: accidentAvgValue,
    major_accident_count: majorAccidentCount,
    revenue,
    revenue_per_ro: ratio(revenue, roCount),
    warranty_share: ratio(warrantyAmount, revenue),
    booking_rate: ratio(hasRos ? countWhere(external, (r) => isNonEmpty(r.booking_no)) : null, roCount),
    booking_show_rate: ratio(arrived, arrived + noShow),
    on_time_rate: ratio(onTime, bothTimes.length),
    promise_coverage: ratio(hasRos ? countWhere(external, (r) => r.promised_time !== null) : null, roCount),
    time_estimate_accuracy: ratio(withinTime, bothTimes.length),
    cost_estimate_accuracy: ratio(withinCost, estimated.length),
    care_product_penetration: ratio(withCare, maintenance.length),
    rework_rate: ratio(hasRos ? countWhere(ros, (r) => r.repair_type === 'rework') : null, roCount),
    unclassified_rate: ratio(
      hasRos ? countWhere(ros, (r) => r.repair_type === 'unclassified') : null,
      hasRos ? ros.length : null,
    ),
    base_customers: warming.base_customers ? null : base.size === 0 ? null : base.size,
    churn_rate: warming.churn_rate ? null : ratio(lost, previousBase.size),
  };

  let nonNull = 0;
  let total = 0;
  for (const id of REF_KPI_IDS) {
    if (id === 'data_completeness' || warming[id]) continue;
    total += 1;
    if (values[id] !== null) nonNull += 1;
  }
  return { values: { ...values, data_completeness: nonNull / total }, warming };
}

/** Every (dealer, month, KPI) value, sorted by dealer, month, catalogue order. */
export function referenceValues(input: RefInput): RefValue[] {
  const out: RefValue[] = [];
  for (const [dealer, months] of dealerMonths(input)) {
    const events = visitEvents(input, dealer);
    const covered = historyCoverage(input, dealer);
    for (const month of months) {
      const rows: DealerMonthRows = {
        ros: input.repairOrders.filter((r) => r.dealer === dealer && monthIndexOf(r.open_time) === month),
        bookings: input.bookings.filter((b) => b.dealer === dealer && monthIndexOf(b.appointment_time) === month),
        accidents: input.accidentRepairs.filter((a) => a.dealer === dealer && monthIndexOf(a.open_time) === month),
        events,
        month,
        covered,
      };
      const { values: kpis, warming } = dealerMonthKpis(rows, input.settings);
      for (const kpi of REF_KPI_IDS) {
        out.push(warming[kpi] ? { dealer, month: monthKey(month), kpi, value: null, warming: true } : { dealer, month: monthKey(month), kpi, value: kpis[kpi] });
      }
    }
  }
  return out;
}
