// Turns KPI definitions into DuckDB SQL: each measure (a count or sum of one table's rows that
// match a filter) becomes one aggregate, and each KPI an expression over its measures. Numbers
// and settings become parameters (`$kpi_...`), text values quoted literals; a NULL condition
// counts as false, as everywhere in kpis.md. The rows of a KPI (kpiRowsSpec) are the same
// filters, so a number and the rows behind it cannot disagree.

import { columnSql, COLUMNS, type KpiTable } from './columns.js';
import type { Condition, Measure, Operand, SettingRef, ValueSpec } from './types.js';

/** Settings by key (the shape of @fixops/metrics Settings). */
export type SettingValues = Record<string, number>;

/** The parameters a compiled piece of SQL needs, named once per distinct value. */
/** The parameters `sql` names (DuckDB refuses values for parameters a statement does not have). */
export function usedParams(sql: string, params: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)));
}

export class SqlParams {
  readonly values: Record<string, number> = {};
  private readonly names = new Map<string, string>();
  constructor(private readonly settings: SettingValues) {}

  private bind(key: string, name: string, value: number): string {
    let n = this.names.get(key);
    if (n === undefined) {
      n = name;
      this.names.set(key, n);
      this.values[n] = value;
    }
    return `$${n}`;
  }

  number(value: number, scale = 1): string {
    return this.bind(`n:${value}:${scale}`, `kpi_n${this.names.size}`, value * scale);
  }

  setting(ref: SettingRef, scale = 1): string {
    const v = this.settings[ref.setting];
    if (v === undefined) throw new Error(`setting ${ref.setting} has no value`);
    return this.bind(`s:${ref.setting}:${scale}`, scale === 1 ? `kpi_${ref.setting}` : `kpi_${ref.setting}_x${scale}`, v * scale);
  }
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function scalarSql(v: string | number, p: SqlParams): string {
  return typeof v === 'number' ? p.number(v) : quote(v);
}

function factorSql(f: number | SettingRef, p: SqlParams): string {
  return typeof f === 'number' ? p.number(f) : p.setting(f);
}

function operandSql(table: KpiTable, o: Operand, scale: number, p: SqlParams): string {
  if (typeof o === 'number') return p.number(o, scale);
  if ('setting' in o) return p.setting(o, scale);
  const other = columnSql(table, o.column);
  return o.times === undefined ? other : `${factorSql(o.times, p)} * ${other}`;
}

const COMPARE = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export function conditionSql(table: KpiTable, c: Condition, p: SqlParams): string {
  const col = columnSql(table, c.column);
  switch (c.op) {
    case 'equals': return `${col} = ${scalarSql(c.arg as string | number, p)}`;
    case 'not_equals': return `${col} <> ${scalarSql(c.arg as string | number, p)}`;
    case 'in': return `${col} IN (${(c.arg as (string | number)[]).map((v) => scalarSql(v, p)).join(', ')})`;
    case 'not_in': return `${col} NOT IN (${(c.arg as (string | number)[]).map((v) => scalarSql(v, p)).join(', ')})`;
    case 'null': return `${col} IS NULL`;
    case 'not_null': return `${col} IS NOT NULL`;
    case 'empty': return `(${col} IS NULL OR ${col} = '')`;
    case 'not_empty': return `${col} <> ''`;
    default: return `${col} ${COMPARE[c.op]} ${operandSql(table, c.arg as Operand, COLUMNS[table][c.column]!.scale ?? 1, p)}`;
  }
}

/** A filter as one SQL boolean (`true` without conditions); NULL means the row does not match. */
export function whereSql(table: KpiTable, where: readonly Condition[], p: SqlParams): string {
  return where.length === 0 ? 'true' : where.map((c) => conditionSql(table, c, p)).join(' AND ');
}

/**
 * A measure as one aggregate over its table's rows of a dealer-month: count_if of the filter,
 * or the sum of a column as DECIMAL (exact, whatever order rows are added in) back to DOUBLE.
 */
export function measureSql(m: Measure, p: SqlParams): string {
  const where = whereSql(m.table, m.where, p);
  if (m.fn === 'count') return m.where.length === 0 ? 'count(*)' : `count_if(coalesce(${where}, false))`;
  const sum = `sum(${columnSql(m.table, m.column!)}::DECIMAL(38, 6))`;
  return `coalesce(${sum}${m.where.length === 0 ? '' : ` FILTER (WHERE coalesce(${where}, false))`}, 0)::DOUBLE`;
}

/** A ratio: NULL when the denominator is 0 or NULL. */
export const ratioSql = (num: string, den: string) => `CASE WHEN ${den} IS NULL OR ${den} = 0 THEN NULL ELSE (${num})::DOUBLE / (${den}) END`;

/** The measures of a value: one, or a ratio's two. */
export function measuresOf(v: ValueSpec): Measure[] {
  return v.kind === 'measure' ? [v.measure] : [v.numerator, v.denominator];
}

/** The SQL of one measure's rows, for a rows query: its table, filter, and the summed column. */
export interface MeasureRows {
  table: KpiTable;
  /** `count` or `sum` */
  fn: 'count' | 'sum';
  /** SQL of the summed column (sum only), else null. */
  sum: string | null;
  /** A SQL boolean over the table's columns; NULL counts as false. `true` without conditions. */
  where: string;
}

/** What a rows query needs for one KPI: the table, numerator and denominator filters, and their parameters. */
export interface KpiRowsSpec {
  kpi: string;
  /** The numerator's table (a ratio's denominator may in principle name another; see denominator.table). */
  table: KpiTable;
  numerator: MeasureRows;
  /** null for a plain count or sum. */
  denominator: MeasureRows | null;
  /** Values of the `$kpi_...` parameters the filters use (settings and numbers from the file). */
  params: Record<string, number>;
}

export function rowsSpecOf(kpi: string, v: ValueSpec, settings: SettingValues): KpiRowsSpec {
  const p = new SqlParams(settings);
  const rows = (m: Measure): MeasureRows => ({ table: m.table, fn: m.fn, sum: m.fn === 'sum' ? columnSql(m.table, m.column!) : null, where: whereSql(m.table, m.where, p) });
  const numerator = rows(v.kind === 'measure' ? v.measure : v.numerator);
  const denominator = v.kind === 'ratio' ? rows(v.denominator) : null;
  return { kpi, table: numerator.table, numerator, denominator, params: p.values };
}
