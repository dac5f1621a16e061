// Everything the dealer assessment report shows, gathered for one dealer and month: the latest
// on-site scorecard, weaknesses (failed modules and flagged KPIs), coaching directions from
// the rule table, KPI data coverage and the 12-month trend of every flagged KPI.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { addMonths, type Message } from '@fixops/shared';
import { coachingFor, DEFAULT_PASS_RATE, loadCoachingRulesFile, passRateOf, type CoachingDirection, type ModuleScore } from '@fixops/checklist';
import { KPIS, kpiDefinition, readFlags, readKpis, readSettings, targetsOf, type Flag, type KpiDefinition } from '@fixops/metrics';
import { getAssessment, listAssessments, type Assessment } from './store.js';
import { findTemplate } from './templates.js';

export interface WeakModule extends ModuleScore {
  section: Message;
  passRate: number;
  /** Score rate at the previous visit, when there was one. */
  before: number | null;
}

export interface KpiTrend {
  kpi: KpiDefinition;
  target: { op: '>=' | '<='; value: number } | null;
  months: string[];
  values: (number | null)[];
  /** Per month: the value is null because the dealer's history is still warming up (数据积累中). */
  warming?: boolean[];
}

export interface ReportModel {
  dealer: { code: string; name: string | null; region: string | null; group: string; city: string | null };
  month: string;
  /** The shown visit; a visit belongs to a data month (its `month`), the latest one up to the report's month. */
  assessment: Assessment | null;
  /** The shown visit's data month when it is earlier than the report's ("本报告引用 2025-11 的现场评估"), else null. */
  visitMonth: string | null;
  previous: { date: string; total: number; max: number } | null;
  /** Pass rate of every department and module by id, from the template (a level's own rate, else its parent's). */
  passRates: Record<string, number>;
  /** Pass rate of the whole form, from the template. */
  totalPassRate: number;
  weakModules: WeakModule[];
  incompleteModules: ModuleScore[];
  flags: Flag[];
  coaching: CoachingDirection[];
  /**
   * KPI data over the last 12 months: points expected (KPIs × 12), received (a value), and warming up
   * (null while the dealer's history accumulates, 数据积累中: not missing data); per KPI the same.
   */
  coverage: { months: string[]; expected: number; received: number; warming: number; byKpi: { kpi: KpiDefinition; received: number; warming: number }[] };
  trends: KpiTrend[];
  values: Record<string, number | null>;
}

export async function buildReport(connection: DuckDBConnection, q: { dealer: string; month: string; templatesDir?: string }): Promise<ReportModel> {
  const [d] = await queryJson<{ code: string; name: string | null; region: string | null; group: string; city: string | null }>(connection,
    'SELECT dealer_code AS code, name, region, peer_group AS "group", city FROM dealers WHERE dealer_code = $dealer', { dealer: q.dealer });
  const dealer = d ?? { code: q.dealer, name: null, region: null, group: 'default', city: null };
  // The visit of the report's month, else the latest visit of an earlier data month.
  const visits = await listAssessments(connection, { dealer: q.dealer, untilMonth: q.month });
  const assessment = visits[0] ? (await getAssessment(connection, visits[0].id))! : null;
  const prior = visits[1] ? (await getAssessment(connection, visits[1].id))! : null;

  const passRates: Record<string, number> = {};
  let totalPassRate = DEFAULT_PASS_RATE;
  const weakModules: WeakModule[] = [];
  const incompleteModules: ModuleScore[] = [];
  if (assessment) {
    const template = await findTemplate(assessment.templateId, q.templatesDir);
    const points = template.ok && template.value.kind === 'points' ? template.value : null;
    const rateOf = (id: string) => (points ? passRateOf(points, id) ?? DEFAULT_PASS_RATE : DEFAULT_PASS_RATE);
    totalPassRate = points ? points.passRate : DEFAULT_PASS_RATE;
    const before = new Map<string, number>();
    for (const s of prior?.scorecard.sections ?? []) for (const m of s.modules) if (m.complete) before.set(m.id, m.rate);
    for (const s of assessment.scorecard.sections) {
      passRates[s.id] = rateOf(s.id);
      for (const m of s.modules) {
        const rate = rateOf(m.id);
        passRates[m.id] = rate;
        if (!m.complete) incompleteModules.push(m);
        else if (!m.passed) weakModules.push({ ...m, section: { zh: s.zh, en: s.en }, passRate: rate, before: before.get(m.id) ?? null });
      }
    }
    weakModules.sort((a, b) => a.rate - b.rate);
  }

  const flags = await readFlags(connection, { dealer: q.dealer, month: q.month });
  const rules = await loadCoachingRulesFile();
  const coaching = rules.ok ? coachingFor(weakModules.map((m) => m.id), flags.map((f) => ({ kpi: f.kpi, kind: f.kind })), rules.value) : [];

  const from = addMonths(q.month, -11);
  const window = await readKpis(connection, { dealer: q.dealer, from, to: q.month });
  const months = [...new Set(window.map((v) => v.month))].sort();
  const allMonths = Array.from({ length: 12 }, (_, i) => addMonths(from, i));
  const byKpi = KPIS.map((k) => ({
    kpi: k,
    received: window.filter((v) => v.kpi === k.id && v.value !== null).length,
    warming: window.filter((v) => v.kpi === k.id && v.status === 'warming_up').length,
  }));
  const targets = targetsOf(await readSettings(connection));
  const flagged = [...new Set(flags.map((f) => f.kpi))];
  const trends = flagged.map((id): KpiTrend => {
    const t = targets.find((x) => x.kpi === id);
    return {
      kpi: kpiDefinition(id)!,
      target: t ? { op: t.op, value: t.value } : null,
      months: allMonths,
      values: allMonths.map((m) => window.find((v) => v.kpi === id && v.month === m)?.value ?? null),
      warming: allMonths.map((m) => window.some((v) => v.kpi === id && v.month === m && v.status === 'warming_up')),
    };
  });
  const values = Object.fromEntries(window.filter((v) => v.month === q.month).map((v) => [v.kpi, v.value]));
  return {
    dealer, month: q.month, assessment,
    visitMonth: assessment && assessment.month !== q.month ? assessment.month : null,
    previous: prior ? { date: prior.date, total: prior.total, max: prior.max } : null,
    passRates, totalPassRate, weakModules, incompleteModules, flags, coaching,
    coverage: { months, expected: KPIS.length * 12, received: byKpi.reduce((s, k) => s + k.received, 0), warming: byKpi.reduce((s, k) => s + k.warming, 0), byKpi },
    trends, values,
  };
}
