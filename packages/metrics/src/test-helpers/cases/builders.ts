// Small builders for the hand-computed KPI cases: they only fill in columns a case does not
// care about and number the keys (ro_no per dealer). They never compute expected values.

import type {
  KpiId,
  RefAccidentRepair,
  RefBooking,
  RefCustomerVisit,
  RefDealer,
  RefFlag,
  RefInput,
  RefRepairOrder,
  RefSettings,
  RepairType,
} from '../reference/types.js';

/** The defaults of kpis.md, written out again here so the cases do not trust the reference's copy. */
export const CASE_DEFAULT_SETTINGS: RefSettings = {
  majorAccidentAmount: 10000,
  timeEstimateToleranceMinutes: 30,
  costEstimateTolerance: 0.1,
  targets: {
    booking_rate: { op: '>=', value: 0.3 },
    booking_show_rate: { op: '>=', value: 0.8 },
    on_time_rate: { op: '>=', value: 0.9 },
    promise_coverage: { op: '>=', value: 0.95 },
    time_estimate_accuracy: { op: '>=', value: 0.8 },
    cost_estimate_accuracy: { op: '>=', value: 0.85 },
    care_product_penetration: { op: '>=', value: 0.3 },
    warranty_share: { op: '<=', value: 0.3 },
    rework_rate: { op: '<=', value: 0.02 },
    unclassified_rate: { op: '<=', value: 0.02 },
    churn_rate: { op: '<=', value: 0.03 },
    data_completeness: { op: '>=', value: 0.9 },
  },
};

export type RoExtra = Partial<
  Pick<RefRepairOrder, 'promised_time' | 'delivered_time' | 'advisor' | 'estimate_amount' | 'booking_no' | 'care_products_amount' | 'ro_no'>
>;

/** A repair order; ro_no is numbered by `input` unless given. */
export function ro(
  dealer: string,
  open_time: string,
  repair_type: RepairType,
  vin: string,
  total_amount: number | null,
  extra: RoExtra = {},
): RefRepairOrder {
  return {
    dealer,
    ro_no: '',
    vin,
    open_time,
    repair_type,
    total_amount,
    promised_time: null,
    delivered_time: null,
    advisor: null,
    estimate_amount: null,
    booking_no: null,
    care_products_amount: null,
    ...extra,
  };
}

export function booking(dealer: string, booking_no: string, appointment_time: string, status: RefBooking['status']): RefBooking {
  return { dealer, booking_no, appointment_time, status };
}

/** An accident_repairs row; ro_no is numbered by `input`. */
export function accident(dealer: string, open_time: string, repair_amount: number | null): RefAccidentRepair {
  return { dealer, ro_no: '', open_time, repair_amount };
}

export function customer(dealer: string, vin: string, last_visit_time: string, file?: number): RefCustomerVisit {
  return file === undefined ? { dealer, vin, last_visit_time } : { dealer, vin, last_visit_time, file };
}

export function flag(dealer: string, month: string, kpi: KpiId, kind: RefFlag['kind']): RefFlag {
  return { dealer, month, kpi, kind };
}

/** One RO per [month, amount]: a general RO opened on the 10th at 10:00, same VIN. */
export function monthlyRevenue(dealer: string, vin: string, series: [string, number][]): RefRepairOrder[] {
  return series.map(([month, amount]) => ro(dealer, `${month}-10 10:00:00`, 'general', vin, amount));
}

export interface InputParts {
  ros?: RefRepairOrder[];
  bookings?: RefBooking[];
  accidents?: RefAccidentRepair[];
  customers?: RefCustomerVisit[];
  dealers?: RefDealer[];
  settings?: RefSettings;
  /**
   * Default true: every dealer with RO, booking or accident rows gets one internal RO opened 12
   * months before its first month, so that its customer windows are known (kpis.md's history
   * coverage) in every month of the case. An internal RO is no visit event and its month is
   * earlier than any other, so nothing else a case checks moves. Cases about warming up say false.
   */
  knownHistory?: boolean;
}

/** The internal ROs that give each dealer a known history (see `knownHistory`). */
function historyRos(parts: InputParts): RefRepairOrder[] {
  const first = new Map<string, string>();
  const see = (dealer: string, time: string): void => {
    const month = time.slice(0, 7);
    const seen = first.get(dealer);
    if (seen === undefined || month < seen) first.set(dealer, month);
  };
  for (const r of parts.ros ?? []) see(r.dealer, r.open_time);
  for (const b of parts.bookings ?? []) see(b.dealer, b.appointment_time);
  for (const a of parts.accidents ?? []) see(a.dealer, a.open_time);
  return [...first].map(([dealer, month]) => {
    const year = Number(month.slice(0, 4)) - 1;
    return { ...ro(dealer, `${year}-${month.slice(5, 7)}-01 00:00:00`, 'internal', 'HISTORY', 0), ro_no: `${dealer}-HISTORY` };
  });
}

/** Assembles a RefInput, numbering missing keys per dealer (R1, R2, … and A1, A2, …). */
export function input(parts: InputParts): RefInput {
  const roCounter = new Map<string, number>();
  const accCounter = new Map<string, number>();
  const next = (counter: Map<string, number>, dealer: string): number => {
    const n = (counter.get(dealer) ?? 0) + 1;
    counter.set(dealer, n);
    return n;
  };
  return {
    repairOrders: [
      ...(parts.ros ?? []).map((r) => (r.ro_no === '' ? { ...r, ro_no: `${r.dealer}-R${next(roCounter, r.dealer)}` } : r)),
      ...(parts.knownHistory === false ? [] : historyRos(parts)),
    ],
    bookings: parts.bookings ?? [],
    accidentRepairs: (parts.accidents ?? []).map((a) =>
      a.ro_no === '' ? { ...a, ro_no: `${a.dealer}-A${next(accCounter, a.dealer)}` } : a,
    ),
    customerVisits: parts.customers ?? [],
    dealers: parts.dealers ?? [],
    settings: parts.settings ?? CASE_DEFAULT_SETTINGS,
  };
}
