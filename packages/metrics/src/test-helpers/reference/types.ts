// Input and output shapes of the plain-TypeScript reference implementation of kpis.md.
// The reference exists to check the DuckDB engine against an independent reading of the
// contract, so it defines its own types instead of importing the engine's.

export type KpiId =
  | 'ro_count'
  | 'accident_ro_count'
  | 'accident_share'
  | 'accident_avg_value'
  | 'major_accident_count'
  | 'revenue'
  | 'revenue_per_ro'
  | 'warranty_share'
  | 'booking_rate'
  | 'booking_show_rate'
  | 'on_time_rate'
  | 'promise_coverage'
  | 'time_estimate_accuracy'
  | 'cost_estimate_accuracy'
  | 'care_product_penetration'
  | 'rework_rate'
  | 'unclassified_rate'
  | 'base_customers'
  | 'churn_rate'
  | 'data_completeness';

export type RepairType =
  | 'maintenance'
  | 'general'
  | 'accident'
  | 'warranty'
  | 'recall'
  | 'rework'
  | 'internal'
  | 'unclassified';

export interface RefRepairOrder {
  dealer: string;
  ro_no: string;
  vin: string;
  open_time: string;
  repair_type: RepairType;
  total_amount: number | null;
  promised_time: string | null;
  delivered_time: string | null;
  advisor: string | null;
  estimate_amount: number | null;
  booking_no: string | null;
  care_products_amount: number | null;
}

export interface RefBooking {
  dealer: string;
  booking_no: string;
  appointment_time: string;
  status: 'arrived' | 'no_show' | 'cancelled' | 'pending';
}

export interface RefAccidentRepair {
  dealer: string;
  ro_no: string;
  open_time: string;
  repair_amount: number | null;
}

/** One row per customers-file row ever loaded (snapshots accumulate visit events). */
export interface RefCustomerVisit {
  dealer: string;
  vin: string;
  last_visit_time: string;
  /** Which customers file the row came from (rows without one: file 0). */
  file?: number;
}

/** Dealers absent from this list are in peer group 'default'. */
export interface RefDealer {
  dealer: string;
  peer_group: string;
}

export interface RefTarget {
  op: '>=' | '<=';
  value: number;
}

export interface RefSettings {
  majorAccidentAmount: number;
  timeEstimateToleranceMinutes: number;
  costEstimateTolerance: number;
  targets: Partial<Record<KpiId, RefTarget>>;
}

export interface RefInput {
  repairOrders: RefRepairOrder[];
  bookings: RefBooking[];
  accidentRepairs: RefAccidentRepair[];
  customerVisits: RefCustomerVisit[];
  dealers: RefDealer[];
  settings: RefSettings;
}

export interface RefValue {
  dealer: string;
  /** 'YYYY-MM' */
  month: string;
  kpi: KpiId;
  value: number | null;
  /** Set (true) when the KPI is warming up: null, no flag, left out of data_completeness. */
  warming?: true;
}

export type RefFlagKind = 'not_tracked' | 'target' | 'trend' | 'peer';

export interface RefFlag {
  dealer: string;
  month: string;
  kpi: KpiId;
  kind: RefFlagKind;
}
