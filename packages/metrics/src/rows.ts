// The rows behind a KPI's number (drill-down): for one dealer, month and KPI, the source records
// the value counts or sums, each marked in_numerator (and in_denominator for a ratio), with the
// numerator and denominator recomputed from exactly those rows. A KPI from a file uses its own
// compiled filters (kpiRowsSpec); the accident fall-back rule is built in here; the customer
// windows and data_completeness have no rows of their own and say so (code `kpi_has_no_rows`).

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { err, ok, type Result } from '@fixops/shared';
import { kpiDefinition } from './catalog.js';
import { checkKpi, checkMonth } from './lookup.js';
import type { KpiRowsSpec, MeasureRows } from './catalogue/compile.js';
import type { KpiTable } from './catalogue/columns.js';
import { kpiRowsSpec } from './rows-spec.js';
import type { Settings } from './settings.js';

/** The columns a rows answer shows per table (dms-exports.md's canonical columns), key first. */
export const ROW_COLUMNS: Record<KpiTable, readonly string[]> = {
  repair_orders: ['ro_no', 'vin', 'advisor', 'repair_type', 'repair_type_raw', 'open_time', 'promised_time', 'delivered_time',
    'total_amount', 'labor_amount', 'parts_amount', 'estimate_amount', 'care_products_amount', 'booking_no', 'mileage'],
  bookings: ['booking_no', 'vin', 'advisor', 'status', 'status_raw', 'channel', 'created_time', 'appointment_time'],
  accident_repairs: ['ro_no', 'vin', 'insurer', 'open_time', 'repair_amount', 'assessed_amount'],
};

const TIMESTAMPS = new Set(['open_time', 'promised_time', 'delivered_time', 'created_time', 'appointment_time']);
const ORDER_TIME: Record<KpiTable, string> = { repair_orders: 'open_time', bookings: 'appointment_time', accident_repairs: 'open_time' };

/** Column headers in zh and en (CSV and CLI). */
export const COLUMN_NAMES: Record<string, { zh: string; en: string }> = {
  ro_no: { zh: '工单号', en: 'RO number' }, vin: { zh: 'VIN', en: 'VIN' }, advisor: { zh: '服务顾问', en: 'Advisor' },
  repair_type: { zh: '维修类型', en: 'Repair type' }, repair_type_raw: { zh: '原始维修类型', en: 'Raw repair type' },
  open_time: { zh: '开单时间', en: 'Opened' }, promised_time: { zh: '承诺交车时间', en: 'Promised' }, delivered_time: { zh: '实际交车时间', en: 'Delivered' },
  total_amount: { zh: '结算金额', en: 'Total amount' }, labor_amount: { zh: '工时费', en: 'Labour' }, parts_amount: { zh: '零件费', en: 'Parts' },
  estimate_amount: { zh: '预估金额', en: 'Estimate' }, care_products_amount: { zh: '养护品金额', en: 'Care products' },
  booking_no: { zh: '预约号', en: 'Booking number' }, mileage: { zh: '里程', en: 'Mileage' },
  status: { zh: '预约状态', en: 'Status' }, status_raw: { zh: '原始状态', en: 'Raw status' }, channel: { zh: '渠道', en: 'Channel' },
  created_time: { zh: '创建时间', en: 'Created' }, appointment_time: { zh: '预约到店时间', en: 'Appointment' },
  insurer: { zh: '保险公司', en: 'Insurer' }, repair_amount: { zh: '维修金额', en: 'Repair amount' }, assessed_amount: { zh: '定损金额', en: 'Assessed amount' },
  in_numerator: { zh: '计入分子', en: 'In numerator' }, in_denominator: { zh: '计入分母', en: 'In denominator' },
};

export type RowCell = string | number | boolean | null;
/** A source record's columns, whether it is in the numerator / denominator, and for a sum the amount it adds. */
export type KpiRow = Record<string, RowCell> & { in_numerator: boolean; in_denominator: boolean | null; numerator_amount?: number | null; denominator_amount?: number | null };

/** Which rows: all of them (default), only those in the numerator, or only those not in it (a ratio's misses). */
export type RowsOnly = 'all' | 'numerator' | 'not_numerator';
export const ROWS_ONLY: readonly RowsOnly[] = ['all', 'numerator', 'not_numerator'];
export const ROWS_MAX_LIMIT = 1000;
export const ROWS_DEFAULT_LIMIT = 100;

export interface KpiRowsQuery {
  dealer: string;
  month: string;
  kpi: string;
  limit?: number;
  offset?: number;
  only?: RowsOnly;
  /** Order by one of the table's columns (or in_numerator) instead of the default order; ties keep the default order. */
  sort?: string;
  dir?: 'asc' | 'desc';
}

export interface KpiRows {
  dealer: string;
  month: string;
  kpi: string;
  /** The source table of the rows. */
  table: KpiTable;
  /** The stored KPI value (null when not computed, e.g. no data that month). */
  value: number | null;
  /** The numerator from these rows: the count of in_numerator rows, or the sum of their `numerator_amount`. */
  numerator: number;
  /** The denominator from these rows (count or sum over in_denominator rows); null for a count or sum KPI. */
  denominator: number | null;
  /** `count` or `sum`: how the numerator is made from its rows (a sum adds each row's `numerator_amount`). */
  measure: 'count' | 'sum';
  /** How the denominator is made (a sum adds each row's `denominator_amount`); null for a count or sum KPI. */
  denominator_measure: 'count' | 'sum' | null;
  /** Rows matching `only` (before paging). */
  total: number;
  limit: number;
  offset: number;
  only: RowsOnly;
  /** The column names of each row, in order (then in_numerator, in_denominator). */
  columns: string[];
  rows: KpiRow[];
}

/** How to find a KPI's rows: the table, each side's SQL, and the column the numerator sums. */
interface RowsPlan {
  table: KpiTable;
  numerator: MeasureRows;
  denominator: MeasureRows | null;
  params: Record<string, number>;
  sumColumn: string | null;
}

const noRows = (kpi: string) => err('kpi_has_no_rows', {
  zh: `这个指标（${kpi}）没有明细行：它按客户窗口或数据完整度计算，不来自单月的工单、预约或事故记录`,
  en: `This KPI (${kpi}) has no rows behind it: it is computed over customer windows or data completeness, not from one month's repair orders, bookings or accident repairs`,
}, { kpi });

/** The accident fall-back rule of kpis.md: accident_repairs rows when the dealer-month has any, else its accident ROs. */
async function accidentPlan(c: DuckDBConnection, kpi: string, dealer: string, month: string, settings: Settings): Promise<RowsPlan> {
  const [n] = await queryJson<{ n: number }>(c,
    "SELECT count(*)::INTEGER AS n FROM accident_repairs WHERE dealer_code = $dealer AND month = strptime($month, '%Y-%m')::DATE", { dealer, month });
  return accidentPlanOf(kpi, (n?.n ?? 0) > 0, settings);
}

/** The accident plan of a dealer-month with accident_repairs rows (`ar`), or of one without (its accident ROs). */
function accidentPlanOf(kpi: string, ar: boolean, settings: Settings): RowsPlan {
  const amount = ar ? 'repair_amount' : 'total_amount';
  const base = ar ? 'true' : "repair_type = 'accident'";
  const table: KpiTable = ar ? 'accident_repairs' : 'repair_orders';
  if (kpi === 'accident_avg_value') {
    // a mean: the sum of the amounts over the count of rows that have one
    const where = `${base} AND ${amount} IS NOT NULL`;
    return { table, numerator: { table, fn: 'sum', sum: amount, where }, denominator: { table, fn: 'count', sum: null, where }, params: {}, sumColumn: amount };
  }
  return {
    table, numerator: { table, fn: 'count', sum: null, where: `${base} AND ${amount} >= $kpi_major` }, denominator: null,
    params: { kpi_major: settings.majorAccidentAmount! }, sumColumn: null,
  };
}

function filePlan(spec: KpiRowsSpec): Result<RowsPlan> {
  if (spec.denominator && spec.denominator.table !== spec.table) {
    return err('kpi_rows_mixed_tables', {
      zh: `指标 ${spec.kpi} 的分子和分母来自不同的表，无法列出同一组明细行`,
      en: `KPI ${spec.kpi} takes its numerator and denominator from different tables; its rows cannot be listed as one set`,
    }, { kpi: spec.kpi });
  }
  return ok({ table: spec.table, numerator: spec.numerator, denominator: spec.denominator, params: spec.params, sumColumn: spec.numerator.sum });
}

async function planOf(c: DuckDBConnection, q: KpiRowsQuery, settings: Settings): Promise<Result<RowsPlan>> {
  const def = kpiDefinition(q.kpi);
  if (!def) return checkKpi(q.kpi) as Result<never>;
  if (def.value) return filePlan(kpiRowsSpec(q.kpi, settings)!);
  if (q.kpi === 'accident_avg_value' || q.kpi === 'major_accident_count') return ok(await accidentPlan(c, q.kpi, q.dealer, q.month, settings));
  return noRows(q.kpi);
}

function checkPaging(limit: number, offset: number): Result<null> {
  if (!Number.isInteger(limit) || limit < 1 || limit > ROWS_MAX_LIMIT) {
    return err('bad_limit', { zh: `limit 应为 1 到 ${ROWS_MAX_LIMIT} 之间的整数，而不是“${limit}”`, en: `limit must be an integer from 1 to ${ROWS_MAX_LIMIT}, not "${limit}"` }, { field: 'limit', value: limit });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    return err('bad_offset', { zh: `offset 应为不小于 0 的整数，而不是“${offset}”`, en: `offset must be a non-negative integer, not "${offset}"` }, { field: 'offset', value: offset });
  }
  return ok(null);
}

/** Which source rows a rows query reads: one dealer-month (`$dealer`, `$month`), or every dealer-month matching a SQL condition. */
type Scope = { one: true } | { where: string };
const ONE: Scope = { one: true };

/** The SQL pieces of a plan: the marked rows of the scope, and the order they are listed in. */
function sqlOf(plan: RowsPlan, better: 'higher' | 'lower', only: RowsOnly, sort: { column: string; dir: 'asc' | 'desc' } | null, scope: Scope = ONE) {
  const cols = ROW_COLUMNS[plan.table].map((c) => (TIMESTAMPS.has(c) ? `strftime(${c}, '%Y-%m-%d %H:%M:%S') AS ${c}` : c === 'mileage' ? 'mileage::DOUBLE AS mileage' : c));
  const inDen = plan.denominator ? `coalesce(${plan.denominator.where}, false)` : 'NULL::BOOLEAN';
  const where = 'one' in scope ? "dealer_code = $dealer AND month = strptime($month, '%Y-%m')::DATE" : scope.where;
  const marked = `
    SELECT ${cols.join(', ')}, coalesce(${plan.numerator.where}, false) AS in_numerator, ${inDen} AS in_denominator,
      ${ORDER_TIME[plan.table]} AS fx_time, rowid AS fx_rowid, dealer_code AS fx_dealer, month AS fx_month
      ${plan.sumColumn ? `, ${plan.sumColumn} AS numerator_amount` : ''}
      ${plan.denominator?.sum ? `, ${plan.denominator.sum} AS denominator_amount` : ''}
    FROM ${plan.table} WHERE ${where}`;
  const behind = `SELECT * FROM (${marked}) WHERE in_numerator OR coalesce(in_denominator, false)`;
  const filter = only === 'numerator' ? 'WHERE in_numerator' : only === 'not_numerator' ? 'WHERE NOT in_numerator' : '';
  // For a ratio where higher is better, the misses come first (the late orders); where lower is
  // better, the hits (the reworks). Then by time and key.
  const first = plan.denominator ? (better === 'higher' ? 'in_numerator ASC, ' : 'in_numerator DESC, ') : '';
  const asked = sort ? `${sort.column} ${sort.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, ` : '';
  const order = `ORDER BY ${asked}${first}fx_time, ${ROW_COLUMNS[plan.table][0]}, fx_rowid`;
  return { behind, filter, order };
}

const money = (col: string, filter: string) => `coalesce(sum(${col}::DECIMAL(38, 6)) FILTER (WHERE ${filter}), 0)::DOUBLE`;

/**
 * The numerator and denominator the marked rows `b` make, per dealer-month (fx_dealer, fx_month):
 * the one aggregate behind both kpiRows (one dealer-month) and kpiRowsTotals (all of them).
 */
function totalsSql(plan: RowsPlan, b: string): string {
  const num = plan.numerator.fn === 'sum' ? money('numerator_amount', 'in_numerator') : 'count(*) FILTER (WHERE in_numerator)::DOUBLE';
  const inDen = 'coalesce(in_denominator, false)';
  const den = plan.denominator === null ? 'NULL::DOUBLE' : plan.denominator.fn === 'sum' ? money('denominator_amount', inDen) : `count(*) FILTER (WHERE ${inDen})::DOUBLE`;
  return `SELECT fx_dealer, fx_month, ${num} AS numerator, ${den} AS denominator, count(*)::INTEGER AS rows FROM ${b} GROUP BY fx_dealer, fx_month`;
}

async function prepare(c: DuckDBConnection, q: KpiRowsQuery, settings: Settings) {
  const month = checkMonth(q.month);
  if (!month.ok) return month;
  const def = kpiDefinition(q.kpi);
  const plan = await planOf(c, q, settings);
  if (!plan.ok) return plan;
  const only = q.only ?? 'all';
  if (!ROWS_ONLY.includes(only)) {
    return err('bad_only', { zh: `only 应为 ${ROWS_ONLY.join(' / ')}，而不是“${String(only)}”`, en: `only must be one of ${ROWS_ONLY.join(', ')}, not "${String(only)}"` }, { field: 'only', value: only });
  }
  const sortable = [...ROW_COLUMNS[plan.value.table], 'in_numerator'];
  if (q.sort !== undefined && !sortable.includes(q.sort)) {
    return err('bad_sort', { zh: `sort 应为 ${sortable.join(' / ')} 之一，而不是“${q.sort}”`, en: `sort must be one of ${sortable.join(', ')}, not "${q.sort}"` }, { field: 'sort', value: q.sort });
  }
  if (q.dir !== undefined && q.dir !== 'asc' && q.dir !== 'desc') {
    return err('bad_dir', { zh: `dir 应为 asc 或 desc，而不是“${String(q.dir)}”`, en: `dir must be asc or desc, not "${String(q.dir)}"` }, { field: 'dir', value: q.dir });
  }
  const sort = q.sort !== undefined ? { column: q.sort, dir: q.dir ?? 'asc' } : null;
  const params = { ...plan.value.params, dealer: q.dealer, month: q.month };
  return ok({ plan: plan.value, params, only, sql: sqlOf(plan.value, def!.better, only, sort) });
}

const strip = (r: Record<string, unknown>): KpiRow => {
  const { fx_time: _t, fx_rowid: _r, fx_dealer: _d, fx_month: _m, ...rest } = r;
  return rest as KpiRow;
};

/** One page of the rows behind `q.kpi` for a dealer-month, with the numerator and denominator they make. */
export async function kpiRows(c: DuckDBConnection, q: KpiRowsQuery, settings: Settings): Promise<Result<KpiRows>> {
  const limit = q.limit ?? ROWS_DEFAULT_LIMIT;
  const offset = q.offset ?? 0;
  const paging = checkPaging(limit, offset);
  if (!paging.ok) return paging;
  const p = await prepare(c, q, settings);
  if (!p.ok) return p;
  const { plan, params, only, sql } = p.value;
  const [agg] = await queryJson<{ numerator: number | null; denominator: number | null; total: number; value: number | null }>(c, `
    WITH b AS (${sql.behind}), t AS (${totalsSql(plan, 'b')})
    SELECT (SELECT numerator FROM t) AS numerator, (SELECT denominator FROM t) AS denominator,
      (SELECT count(*)::INTEGER FROM b ${sql.filter}) AS total,
      (SELECT value FROM kpi_values WHERE dealer_code = $dealer AND month = strptime($month, '%Y-%m')::DATE AND kpi = $kpi) AS value`, { ...params, kpi: q.kpi });
  const rows = await queryJson<Record<string, unknown>>(c, `SELECT * FROM (${sql.behind}) ${sql.filter} ${sql.order} LIMIT ${limit} OFFSET ${offset}`, params);
  return ok({
    dealer: q.dealer, month: q.month, kpi: q.kpi, table: plan.table, value: agg!.value ?? null,
    numerator: agg!.numerator ?? 0, denominator: plan.denominator ? agg!.denominator ?? 0 : null,
    measure: plan.numerator.fn, denominator_measure: plan.denominator?.fn ?? null, total: agg!.total, limit, offset, only,
    columns: [...ROW_COLUMNS[plan.table]], rows: rows.map(strip),
  });
}

/** Every row behind the KPI (no paging), in chunks as they are read: for CSV downloads. */
export async function kpiRowsAll(c: DuckDBConnection, q: Omit<KpiRowsQuery, 'limit' | 'offset'>, settings: Settings, chunk = 5000): Promise<Result<{ columns: string[]; ratio: boolean; chunks: AsyncGenerator<KpiRow[]> }>> {
  const p = await prepare(c, q, settings);
  if (!p.ok) return p;
  const { plan, params, sql } = p.value;
  async function* chunks(): AsyncGenerator<KpiRow[]> {
    for (let offset = 0; ; offset += chunk) {
      const rows = await queryJson<Record<string, unknown>>(c, `SELECT * FROM (${sql.behind}) ${sql.filter} ${sql.order} LIMIT ${chunk} OFFSET ${offset}`, params);
      if (rows.length) yield rows.map(strip);
      if (rows.length < chunk) return;
    }
  }
  return ok({ columns: [...ROW_COLUMNS[plan.table]], ratio: plan.denominator !== null, chunks: chunks() });
}

/** The numerator and denominator behind a KPI's value in one dealer-month (see kpiRowsTotals). */
export interface KpiRowsTotals {
  dealer: string;
  month: string;
  /** The source table of the rows (the accident fall-back rule reads either table, by dealer-month). */
  table: KpiTable | null;
  /** As kpiRows' numerator: from the marked rows (0 when there are none). */
  numerator: number;
  /** As kpiRows' denominator; null for a count or sum KPI. */
  denominator: number | null;
  /** The rows behind the number (kpiRows' total with only = all). */
  rows: number;
  /** The stored value. */
  value: number | null;
}

/**
 * For every dealer-month with a stored value of `kpi`: the numerator, denominator and row count
 * its rows make, by the same marked rows and the same aggregate as kpiRows, in one query per
 * table instead of one per dealer-month (to check every stored number at once).
 */
export async function kpiRowsTotals(c: DuckDBConnection, kpi: string, settings: Settings): Promise<Result<KpiRowsTotals[]>> {
  const def = kpiDefinition(kpi);
  if (!def) return checkKpi(kpi) as Result<never>;
  const hasAr = '(dealer_code, month) IN (SELECT DISTINCT dealer_code, month FROM accident_repairs)';
  let plans: { plan: RowsPlan; scope: Scope }[];
  if (def.value) {
    const plan = filePlan(kpiRowsSpec(kpi, settings)!);
    if (!plan.ok) return plan;
    plans = [{ plan: plan.value, scope: { where: 'true' } }];
  } else if (kpi === 'accident_avg_value' || kpi === 'major_accident_count') {
    plans = [{ plan: accidentPlanOf(kpi, true, settings), scope: { where: hasAr } }, { plan: accidentPlanOf(kpi, false, settings), scope: { where: `NOT ${hasAr}` } }];
  } else {
    return noRows(kpi);
  }
  const ratio = plans[0]!.plan.denominator !== null;
  const parts = plans.map(({ plan, scope }, i) => `SELECT *, '${plan.table}' AS fx_table FROM (${totalsSql(plan, `(${sqlOf(plan, def.better, 'all', null, scope).behind}) AS b${i}`)})`);
  const params = Object.assign({}, ...plans.map((p) => p.plan.params)) as Record<string, number>;
  const totals = await queryJson<{ dealer: string; month: string; table: KpiTable | null; numerator: number | null; denominator: number | null; rows: number | null; value: number | null }>(c, `
    WITH t AS (${parts.join(' UNION ALL ')})
    SELECT v.dealer_code AS dealer, strftime(v.month, '%Y-%m') AS month, t.fx_table AS "table", t.numerator, t.denominator, t.rows, v.value
    FROM kpi_values v LEFT JOIN t ON t.fx_dealer = v.dealer_code AND t.fx_month = v.month
    WHERE v.kpi = $kpi ORDER BY 1, 2`, { ...params, kpi });
  return ok(totals.map((t) => ({ ...t, numerator: t.numerator ?? 0, denominator: ratio ? t.denominator ?? 0 : null, rows: t.rows ?? 0 })));
}

/** The CSV header and cells of the rows (in the order of `columns`, then the flags). */
export function rowsCsvHeader(columns: readonly string[], ratio: boolean, lang: 'zh' | 'en'): string[] {
  return [...columns, 'in_numerator', ...(ratio ? ['in_denominator'] : [])].map((c) => COLUMN_NAMES[c]?.[lang] ?? c);
}

export function rowsCsvCells(row: KpiRow, columns: readonly string[], ratio: boolean): RowCell[] {
  return [...columns.map((c) => row[c] ?? null), row.in_numerator, ...(ratio ? [row.in_denominator] : [])];
}
