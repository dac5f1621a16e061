// The per-month KPIs of the catalogue for the dealer-months in scope (everything but the
// customer windows and data_completeness), compiled from the KPI definitions: one pass over each
// export table computes every filtered measure at once (count_if / sum FILTER), and each KPI is
// an expression over its measures. One temp table fx_monthly (dealer_code, month, "<kpi>"...).
// The accident fall-back rule (accident_avg_value, major_accident_count) stays built in here.

import type { DuckDBConnection } from '@duckdb/node-api';
import { KPIS, type KpiDefinition } from '../catalog.js';
import { KPI_TABLES, type KpiTable } from '../catalogue/columns.js';
import { measureSql, ratioSql, SqlParams } from '../catalogue/compile.js';
import type { Measure } from '../catalogue/types.js';
import type { Settings } from '../settings.js';
import { SCOPE } from './scope.js';

/** A KPI id as a SQL column name. */
export const col = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** The aggregates of each table, named once per distinct SQL. */
class Aggregates {
  readonly byTable = new Map<KpiTable, Map<string, string>>();
  add(table: KpiTable, sql: string): string {
    let t = this.byTable.get(table);
    if (!t) this.byTable.set(table, (t = new Map<string, string>()));
    let name = t.get(sql);
    if (name === undefined) t.set(sql, (name = `${table.slice(0, 2)}${t.size}`));
    return `t_${table}.${name}`;
  }
}

/** The SQL of fx_monthly for `kpis`, and its parameters. Exported for tests. */
export function compileMonthly(kpis: readonly KpiDefinition[], settings: Settings, full: boolean): { sql: string; params: Record<string, number> } {
  const p = new SqlParams(settings);
  const agg = new Aggregates();
  const measure = (m: Measure) => agg.add(m.table, measureSql(m, p));
  const select: string[] = [];
  for (const k of kpis) {
    if (k.value) {
      const v = k.value;
      select.push(`${v.kind === 'measure' ? `(${measure(v.measure)})::DOUBLE` : ratioSql(measure(v.numerator), measure(v.denominator))} AS ${col(k.id)}`);
    } else if (k.id === 'accident_avg_value' || k.id === 'major_accident_count') {
      // kpis.md: from accident_repairs where the dealer-month has such rows, else from its accident ROs
      const arRows = agg.add('accident_repairs', 'count(*)');
      if (k.id === 'accident_avg_value') {
        const ar = agg.add('accident_repairs', 'avg(repair_amount::DECIMAL(38, 6))::DOUBLE');
        const ro = agg.add('repair_orders', "avg(total_amount::DECIMAL(38, 6)) FILTER (WHERE repair_type = 'accident')::DOUBLE");
        select.push(`CASE WHEN ${arRows} > 0 THEN ${ar} ELSE ${ro} END AS ${col(k.id)}`);
      } else {
        const major = p.setting({ setting: 'majorAccidentAmount' });
        const ar = agg.add('accident_repairs', `count_if(coalesce(repair_amount >= ${major}, false))`);
        const roRows = agg.add('repair_orders', 'count(*)');
        const ro = agg.add('repair_orders', `count_if(coalesce(repair_type = 'accident' AND total_amount >= ${major}, false))`);
        select.push(`CASE WHEN ${arRows} > 0 THEN ${ar} WHEN ${roRows} IS NOT NULL THEN ${ro} END::DOUBLE AS ${col(k.id)}`);
      }
    }
  }
  const tables = KPI_TABLES.filter((t) => agg.byTable.has(t));
  const ctes = tables.map((t) => {
    const cols = [...agg.byTable.get(t)!].map(([sql, name]) => `${sql} AS ${name}`).join(',\n        ');
    return `t_${t} AS (
      SELECT dealer_code, month,
        ${cols}
      FROM ${t} ${full ? '' : `SEMI JOIN ${SCOPE} USING (dealer_code, month)`} GROUP BY ALL
    )`;
  });
  const sql = `
    CREATE OR REPLACE TEMP TABLE fx_monthly AS
    ${ctes.length ? `WITH ${ctes.join(', ')}` : ''}
    SELECT s.dealer_code, s.month${select.map((x) => `,\n      ${x}`).join('')}
    FROM ${SCOPE} s ${tables.map((t) => `LEFT JOIN t_${t} USING (dealer_code, month)`).join(' ')}`;
  return { sql, params: p.values };
}

/** `full`: the scope is every dealer-month, so no row needs checking against it. */
export async function computeMonthly(connection: DuckDBConnection, settings: Settings, full: boolean): Promise<void> {
  const { sql, params } = compileMonthly(KPIS, settings, full);
  await connection.run(sql, params);
}
