// Compiles the measures of many KPIs into one pass per export table, in two stages, so that a
// full recompute reads each table once and evaluates each filter once per row (it was ~20× a
// plain scan when every measure was its own filtered aggregate over the raw rows):
//  1. per (dealer_code, month, enum columns the filters name): each distinct condition on the
//     other columns is one boolean computed once per row, each distinct conjunction of them one
//     count_if, each summed column cast to DECIMAL(38, 6) once per row and summed per conjunction;
//  2. per (dealer_code, month): each measure sums the stage-1 rows whose enum values match its
//     conditions on enum columns (a handful of rows per dealer-month).
// Exactness: counts are integers; sums are DECIMAL(38, 6) added exactly in both stages, so the
// DOUBLE a measure ends with is the one a single `sum(x::DECIMAL(38, 6)) FILTER (...)` gives. A
// NULL condition counts as false: count_if skips NULLs, and stage 2 turns "no matching row" into 0.
// A stored money column whose values all lie within ±1e11 (`narrow`, known from the table's
// min/max) is cast to DECIMAL(18, 6) instead: the same rounding of x·10⁶ to an integer, held in 64
// bits rather than 128 (cheaper per row), and its sum is again an exact DECIMAL(38, 6).

import { COLUMNS, columnSql, type KpiTable } from './columns.js';
import { conditionSql, usedParams, whereSql, type SqlParams } from './compile.js';
import type { Condition, Measure } from './types.js';

/** A condition on an enum column (repair_type, status): decided per stage-1 group, not per row. */
const onEnum = (table: KpiTable, c: Condition) => {
  const col = COLUMNS[table][c.column];
  return col !== undefined && col.type === 'enum' && col.sql === undefined;
};

export class TablePass {
  /** Enum columns in the stage-1 key. */
  readonly keys = new Set<string>();
  /** Per-row booleans: SQL → name. */
  private readonly atoms = new Map<string, string>();
  /** Per-row DECIMAL values: column SQL → name. */
  private readonly values = new Map<string, string>();
  /** Stage-1 aggregates: SQL → name. */
  readonly stage1 = new Map<string, string>();
  /** Stage-2 aggregates: SQL → name. */
  readonly stage2 = new Map<string, string>();

  constructor(readonly table: KpiTable, readonly prefix: string, private readonly narrow: ReadonlySet<string>) {
    this.stage1.set('count(*)', 'n');
  }

  /** The stored money columns cast per row (derived columns are expressions, never narrowed). */
  readonly cast = new Set<string>();

  private atom(sql: string): string {
    let name = this.atoms.get(sql);
    if (name === undefined) this.atoms.set(sql, (name = `a${this.atoms.size}`));
    return name;
  }

  private value(column: string): string {
    const stored = COLUMNS[this.table][column]?.sql === undefined;
    if (stored) this.cast.add(column);
    const width = stored && this.narrow.has(`${this.table}.${column}`) ? 18 : 38;
    const sql = `(${columnSql(this.table, column)})::DECIMAL(${width}, 6)`;
    let name = this.values.get(sql);
    if (name === undefined) this.values.set(sql, (name = `v${this.values.size}`));
    return name;
  }

  private agg1(sql: string): string {
    let name = this.stage1.get(sql);
    if (name === undefined) this.stage1.set(sql, (name = `s${this.stage1.size}`));
    return name;
  }

  private agg2(sql: string): string {
    let name = this.stage2.get(sql);
    if (name === undefined) this.stage2.set(sql, (name = `${this.prefix}${this.stage2.size}`));
    return `t_${this.table}.${name}`;
  }

  /** The conjunction of a filter's conditions on non-enum columns, as stage-1 atom names (null: none). */
  private rest(where: readonly Condition[], p: SqlParams): string | null {
    const names = [...new Set(where.filter((c) => !onEnum(this.table, c)).map((c) => this.atom(conditionSql(this.table, c, p))))];
    return names.length === 0 ? null : names.sort().join(' AND ');
  }

  /** The filter's conditions on enum columns, as a stage-2 FILTER clause ('' without any). */
  private enumFilter(where: readonly Condition[], p: SqlParams): string {
    const conds = where.filter((c) => onEnum(this.table, c));
    for (const c of conds) this.keys.add(c.column);
    return conds.length === 0 ? '' : ` FILTER (WHERE coalesce(${whereSql(this.table, conds, p)}, false))`;
  }

  /** A measure's value per dealer-month: BIGINT for a count, DOUBLE for a sum. */
  measure(m: Measure, p: SqlParams): string {
    const rest = this.rest(m.where, p);
    const filter = this.enumFilter(m.where, p);
    if (m.fn === 'count') {
      // BIGINT: count_if answers HUGEINT, which DuckDB stores and reads far slower in a kept table
      const s = rest === null ? 'n' : this.agg1(`count_if(${rest})::BIGINT`);
      return this.agg2(`coalesce(sum(${s})${filter}, 0)::BIGINT`);
    }
    const v = this.value(m.column!);
    const s = this.agg1(rest === null ? `sum(${v})` : `sum(${v}) FILTER (WHERE ${rest})`);
    return this.agg2(`coalesce(sum(${s})${filter}, 0)::DOUBLE`);
  }

  /** count(*) of the dealer-month's rows (NULL when it has none: the LEFT JOIN finds no row). */
  rows(): string {
    return this.agg2('coalesce(sum(n), 0)::BIGINT');
  }

  /**
   * avg(column::DECIMAL(38, 6)) over the rows whose enum column `column` equals `value`, as
   * DuckDB's avg computes it: on the one stage-1 group of those rows. Needs `enumColumn` to be
   * the table's only enum key, so that one group holds them all.
   */
  avgWhereEnum(column: string, enumColumn: string, value: string): string {
    const others = Object.entries(COLUMNS[this.table]).filter(([n, c]) => c.type === 'enum' && n !== enumColumn);
    if (others.length > 0) throw new Error(`avgWhereEnum: ${this.table} has other enum columns`);
    this.keys.add(enumColumn);
    const a = this.agg1(`avg(${this.value(column)})`);
    return this.agg2(`max(${a}) FILTER (WHERE ${enumColumn} = '${value.replace(/'/g, "''")}')`);
  }

  /** avg(column::DECIMAL(38, 6)) over all the dealer-month's rows; the table must have no enum column (one stage-1 group per dealer-month). */
  avg(column: string): string {
    if (Object.values(COLUMNS[this.table]).some((c) => c.type === 'enum')) throw new Error(`avg: ${this.table} has enum columns`);
    const a = this.agg1(`avg(${this.value(column)})`);
    return this.agg2(`max(${a})`);
  }

  /**
   * Stage 1: one row per (dealer_code, month, enum keys) of `from` (the table, or its rows of
   * some dealer-months) with the stage-1 aggregates. `stamp` adds `load_sum`, the sum of the
   * rows' load_id, by which kept groups are checked against the table (compute/groups.ts).
   */
  groupsSql(from: string, stamp = false): string {
    const keys = [...this.keys].sort();
    const inner = ['dealer_code', 'month', ...keys,
      ...[...this.values].map(([sql, name]) => `${sql} AS ${name}`),
      ...[...this.atoms].map(([sql, name]) => `${sql} AS ${name}`),
      ...(stamp ? ['load_id'] : [])];
    const s1 = [...[...this.stage1].map(([sql, name]) => `${sql} AS ${name}`), ...(stamp ? ['sum(load_id)::BIGINT AS load_sum'] : [])];
    return `SELECT dealer_code, month, ${keys.map((k) => `${k}, `).join('')}
          ${s1.join(',\n          ')}
        FROM (SELECT ${inner.join(', ')} FROM ${from})
        GROUP BY ALL`;
  }

  /**
   * What decides the stage-1 groups' columns and values: their SQL (every DECIMAL width written
   * as 38: the narrow cast gives the same sums and averages) and the parameters it uses.
   */
  fingerprint(params: Readonly<Record<string, number>>): string {
    const sql = this.groupsSql('?', true).replace(/DECIMAL\(18, 6\)/g, 'DECIMAL(38, 6)');
    const used = Object.keys(usedParams(sql, params)).sort();
    return JSON.stringify({ table: this.table, sql, params: used.map((k) => [k, params[k]]) });
  }

  /** The CTE t_<table> (dealer_code, month, <stage-2 names>) over `groups`: stage-1 rows, or a subquery computing them. */
  measuresSql(groups: string): string {
    const s2 = [...this.stage2].map(([sql, name]) => `${sql} AS ${name}`);
    return `t_${this.table} AS (
      SELECT dealer_code, month,
        ${s2.join(',\n        ')}
      FROM ${groups}
      GROUP BY dealer_code, month
    )`;
  }

  /** The CTE t_<table> computed from the rows of `from` (both stages). */
  sql(from: string): string {
    return this.measuresSql(`(
        ${this.groupsSql(from)}
      )`);
  }
}

/** The passes of one compilation: one per table a measure reads. */
export class Passes {
  private readonly byTable = new Map<KpiTable, TablePass>();

  /** `narrow`: 'table.column' of stored money columns whose values all lie within ±1e11 (see above). */
  constructor(readonly p: SqlParams, private readonly narrow: ReadonlySet<string> = new Set()) {}

  table(t: KpiTable): TablePass {
    let pass = this.byTable.get(t);
    if (!pass) this.byTable.set(t, (pass = new TablePass(t, t.slice(0, 2), this.narrow)));
    return pass;
  }

  measure(m: Measure): string {
    return this.table(m.table).measure(m, this.p);
  }

  /** The tables read, in `order`. */
  tables(order: readonly KpiTable[]): TablePass[] {
    return order.filter((t) => this.byTable.has(t)).map((t) => this.byTable.get(t)!);
  }
}
