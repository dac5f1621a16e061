// Runs a comparison on a database: picks the dealers and the month, reads their KPI values and
// latest checklist rates for the month and the earlier period, and scores both.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson, quotedString } from '@fixops/db';
import { readSettings, warmingCondition } from '@fixops/metrics';
import { addMonths, err, ok, type Result } from '@fixops/shared';
import { resolveComponents } from './components.js';
import { biggestGaps, medians, scoreDealers } from './score.js';
import { describeSelector, selectDealers } from './select.js';
import type { Comparison, ComparisonResult, Component, DealerInfo, DealerScore } from './types.js';

const list = (xs: readonly string[]) => xs.map(quotedString).join(', ');

async function latestMonth(connection: DuckDBConnection, dealers: readonly string[]): Promise<string | null> {
  const [row] = await queryJson<{ m: string | null }>(connection, `SELECT strftime(max(month), '%Y-%m') AS m FROM kpi_values WHERE dealer_code IN (${list(dealers)})`);
  return row?.m ?? null;
}

/**
 * KPI values of the dealers in `month`, plus the checklist rate: dealer → component id → value;
 * `warming` holds "dealer|kpi" of the values that are null while history accumulates (数据积累中).
 */
async function readValues(connection: DuckDBConnection, c: Comparison, components: readonly Component[], dealers: readonly string[], month: string): Promise<Map<string, Map<string, number | null>> & { warming: Set<string> }> {
  const kpis = components.filter((x) => x.kind === 'kpi').map((x) => x.id);
  const out = Object.assign(new Map<string, Map<string, number | null>>(), { warming: new Set<string>() });
  const rows = await queryJson<{ dealer: string; kpi: string; value: number | null; warming: boolean }>(connection, `
    SELECT v.dealer_code AS dealer, v.kpi, v.value, ${warmingCondition('v.kpi', 'v.month')} AS warming
    FROM kpi_values v LEFT JOIN kpi_coverage coverage ON coverage.dealer_code = v.dealer_code
    WHERE v.month = strptime($month, '%Y-%m')::DATE AND v.dealer_code IN (${list(dealers)}) AND v.kpi IN (${list(kpis)})`, { month });
  for (const r of rows) {
    let m = out.get(r.dealer);
    if (!m) out.set(r.dealer, (m = new Map<string, number | null>()));
    m.set(r.kpi, r.value);
    if (r.value === null && r.warming) out.warming.add(`${r.dealer}|${r.kpi}`);
  }
  if (c.checklist) {
    // The latest complete visit of a data month up to this one (a draft is never scored: it is unfinished).
    const params: Record<string, string> = { month };
    if (c.checklist.template) params.template = c.checklist.template;
    const rates = await queryJson<{ dealer: string; rate: number }>(connection, `
      SELECT dealer_code AS dealer, total / max AS rate FROM assessments
      WHERE complete AND data_month <= $month AND dealer_code IN (${list(dealers)}) ${c.checklist.template ? 'AND template_id = $template' : ''}
      QUALIFY row_number() OVER (PARTITION BY dealer_code ORDER BY data_month DESC, assessed_on DESC, id DESC) = 1`, params);
    for (const r of rates) out.get(r.dealer)?.set('checklist', r.rate);
  }
  return out;
}

export interface RunOptions {
  /** Overrides the file's month. */
  month?: string;
}

export async function runComparison(connection: DuckDBConnection, c: Comparison, options: RunOptions = {}): Promise<Result<ComparisonResult>> {
  const components = resolveComponents(c, await readSettings(connection));
  if (!components.ok) return components;
  const selected = await selectDealers(connection, c.dealers);
  if (!selected.ok) return selected;
  const codes = selected.value.map((d) => d.dealer);
  const asked = options.month ?? c.month;
  const month = asked === 'latest' ? await latestMonth(connection, codes) : asked;
  if (month === null) {
    return err('compare_no_data', { zh: '所选经销商还没有任何 KPI 数据', en: 'The selected dealers have no KPI values yet' }, { dealers: codes });
  }
  const values = await readValues(connection, c, components.value, codes, month);
  const present = selected.value.filter((d) => values.has(d.dealer));
  const missing = selected.value.filter((d) => !values.has(d.dealer));
  if (present.length === 0) {
    const latest = await latestMonth(connection, codes);
    return err('compare_no_data', {
      zh: `${month} 所选经销商没有 KPI 数据${latest ? `（最近有数据的月份：${latest}）` : ''}`,
      en: `No KPI values for the selected dealers in ${month}${latest ? ` (latest month with values: ${latest})` : ''}`,
    }, { month, latest });
  }
  const previousMonth = addMonths(month, c.compareWith === 'previous_year' ? -12 : -1);
  const scored = scoreDealers(components.value, present, values, c.bands, values.warming);
  const med = medians(components.value, scored);

  const before = await readValues(connection, c, components.value, codes, previousMonth);
  const earlier = scoreDealers(components.value, present.filter((d) => before.has(d.dealer)), before, c.bands, before.warming);
  const prev = new Map(earlier.map((e) => [e.dealer, e]));
  const rows: DealerScore[] = scored.map((s) => {
    const p = prev.get(s.dealer);
    return {
      ...s,
      previous: p ? { month: previousMonth, score: p.score, rank: p.rank } : null,
      change: p ? { score: Math.round((s.score - p.score) * 10) / 10, rank: p.rank - s.rank } : null,
      gaps: biggestGaps(components.value, s, med),
    };
  });
  return ok({
    id: c.id, title: c.title, ...(c.description ? { description: c.description } : {}), ...(c.file ? { file: c.file } : {}),
    month, previousMonth, compareWith: c.compareWith, components: components.value, bands: c.bands, medians: med, rows,
    missing: missing.map((d): DealerInfo => ({ dealer: d.dealer, name: d.name, region: d.region, group: d.group })),
    selection: describeSelector(c.dealers),
  });
}
