// The columns a KPI file may name: the canonical columns of dms-exports.md as the database
// stores them (repair_type_raw and status_raw included), per export table, with their types,
// plus a few derived columns for the time and amount comparisons today's KPIs need. A KPI file
// never holds SQL; the SQL of each column lives here.

/** Export tables a KPI counts or sums rows of (each row belongs to a dealer and a month). */
export const KPI_TABLES = ['repair_orders', 'bookings', 'accident_repairs'] as const;
export type KpiTable = (typeof KPI_TABLES)[number];

export type ColumnType = 'text' | 'enum' | 'timestamp' | 'money' | 'integer' | 'number';

export interface Column {
  type: ColumnType;
  /** For enums: the canonical values. */
  values?: readonly string[];
  /** Derived columns: the SQL expression over the table's own columns. */
  sql?: string;
  /** Derived columns: a number compared with the column is multiplied by this first (minutes → seconds). */
  scale?: number;
  zh?: string;
  en?: string;
}

export const REPAIR_TYPES = ['maintenance', 'general', 'accident', 'warranty', 'recall', 'rework', 'internal', 'unclassified'] as const;
export const BOOKING_STATUSES = ['arrived', 'no_show', 'cancelled', 'pending'] as const;

const text: Column = { type: 'text' };
const ts: Column = { type: 'timestamp' };
const money: Column = { type: 'money' };

export const COLUMNS: Record<KpiTable, Record<string, Column>> = {
  repair_orders: {
    ro_no: text, vin: text, open_time: ts,
    repair_type: { type: 'enum', values: REPAIR_TYPES }, repair_type_raw: text,
    total_amount: money, promised_time: ts, delivered_time: ts, advisor: text,
    labor_amount: money, parts_amount: money, estimate_amount: money, booking_no: text,
    care_products_amount: money, mileage: { type: 'integer' },
    // |delivered_time − promised_time| in minutes (compared in seconds, as exactly as today's SQL)
    delivery_deviation_minutes: {
      type: 'number', sql: 'abs(epoch(delivered_time) - epoch(promised_time))', scale: 60,
      zh: '实际与承诺交车时间相差的分钟数', en: 'minutes between delivered_time and promised_time',
    },
    // |total_amount − estimate_amount|
    estimate_deviation_amount: {
      type: 'money', sql: 'abs(total_amount - estimate_amount)',
      zh: '结算金额与预估金额之差的绝对值', en: 'absolute difference of total_amount and estimate_amount',
    },
  },
  bookings: {
    booking_no: text, appointment_time: ts, status: { type: 'enum', values: BOOKING_STATUSES }, status_raw: text,
    vin: text, created_time: ts, channel: text, advisor: text,
  },
  accident_repairs: {
    ro_no: text, open_time: ts, repair_amount: money, vin: text, insurer: text, assessed_amount: money,
  },
};

export const isNumeric = (t: ColumnType) => t === 'money' || t === 'integer' || t === 'number';
export const isTextual = (t: ColumnType) => t === 'text' || t === 'enum';

/** The SQL of a column reference: its own name, or a derived column's expression. */
export function columnSql(table: KpiTable, name: string): string {
  const c = COLUMNS[table][name]!;
  return c.sql ? `(${c.sql})` : name;
}
