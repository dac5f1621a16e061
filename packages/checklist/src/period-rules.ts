// Judges a rated supplier over months: consecutive low grades or a zero dimension suspend or disqualify it.

import { addMonths, err, isMonth, ok, type Message, type Result } from '@fixops/shared';
import { checkDimensionScores } from './weighted.js';
import type { PeriodOutcome, PeriodRule, Template } from './types.js';

export interface PeriodRecord {
  /** 'YYYY-MM' */
  period: string;
  grade: string;
  dimensions: Record<string, number>;
}

export type PeriodStatusKind = 'ok' | PeriodOutcome;

export interface PeriodTrigger {
  /** Index of the rule in the template's periodRules. */
  rule: number;
  outcome: PeriodOutcome;
  /** The months that set it off (the latest run for `consecutive`). */
  periods: string[];
  reason: Message;
}

export interface PeriodStatus {
  status: PeriodStatusKind;
  /** Why, for the most severe rule that fired; null when ok. */
  reason: Message | null;
  /** Every rule that fired, in rule order. */
  triggers: PeriodTrigger[];
}

const SEVERITY: Record<PeriodStatusKind, number> = { ok: 0, suspended: 1, disqualified: 2 };
const OUTCOME: Record<PeriodOutcome, Message> = {
  suspended: { zh: '暂停合格供应商资格', en: 'suspended' },
  disqualified: { zh: '取消供应商资格', en: 'disqualified' },
};

function consecutiveRuns(history: readonly PeriodRecord[], grade: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let prev: string | undefined;
  for (const h of history) {
    const continues = prev !== undefined && addMonths(prev, 1) === h.period;
    if (h.grade === grade) {
      if (!continues || run.length === 0) {
        if (run.length > 0) runs.push(run);
        run = [];
      }
      run.push(h.period);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
    prev = h.period;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function judge(rule: PeriodRule, index: number, history: readonly PeriodRecord[]): PeriodTrigger | null {
  const outcome = OUTCOME[rule.outcome];
  if (rule.rule === 'consecutive') {
    const hits = consecutiveRuns(history, rule.grade).filter((r) => r.length >= rule.months);
    const latest = hits[hits.length - 1];
    if (latest === undefined) return null;
    const periods = latest.slice(-rule.months);
    const span = `${periods[0]}…${periods[periods.length - 1]}`;
    return {
      rule: index,
      outcome: rule.outcome,
      periods,
      reason: {
        zh: `连续 ${rule.months} 个月被评为 ${rule.grade} 级（${span}），${outcome.zh}`,
        en: `Graded ${rule.grade} for ${rule.months} consecutive months (${span}): ${outcome.en}`,
      },
    };
  }
  const zero = history.filter((h) => Object.values(h.dimensions).some((v) => v === 0));
  if (zero.length === 0) return null;
  const detail = zero.map((h) => `${h.period} ${Object.keys(h.dimensions).filter((k) => h.dimensions[k] === 0).join('/')}`).join('; ');
  return {
    rule: index,
    outcome: rule.outcome,
    periods: zero.map((h) => h.period),
    reason: {
      zh: `有维度评分为 0（${detail}），${outcome.zh}`,
      en: `A dimension scored 0 (${detail}): ${outcome.en}`,
    },
  };
}

/**
 * Applies the template's period rules to the months given (any order; each month once).
 * Rules look at the whole history passed in, so pass the window to be judged. Calendar
 * gaps break a consecutive run. The most severe outcome wins: disqualified > suspended > ok.
 */
export function applyPeriodRules(template: Template, history: readonly PeriodRecord[]): Result<PeriodStatus> {
  if (template.kind !== 'weighted') {
    return err('score_kind', { zh: `模板 ${template.id} 没有周期规则（不是加权评分表）`, en: `Template ${template.id} has no period rules (not a weighted scorecard)` });
  }
  const isList: boolean = Array.isArray(history); // a plain boolean: narrowing would type the entries as any
  if (!isList) return err('history_invalid', { zh: '历史记录必须是列表', en: 'History must be a list' });
  const grades = new Set(template.grades.map((g) => g.grade));
  const seen = new Set<string>();
  for (const [i, h] of history.entries()) {
    const period: unknown = (h as Partial<PeriodRecord> | null)?.period;
    if (typeof period !== 'string' || !isMonth(period)) {
      return err('history_period', { zh: `第 ${i + 1} 条历史记录的月份 ${JSON.stringify(period)} 应为 YYYY-MM`, en: `History entry #${i + 1}: period ${JSON.stringify(period)} must be YYYY-MM` }, { index: i });
    }
    if (seen.has(period)) return err('history_duplicate_period', { zh: `月份 ${period} 出现了两次`, en: `Period ${period} appears twice` }, { id: period });
    seen.add(period);
    if (!grades.has(h.grade)) {
      return err('history_unknown_grade', { zh: `月份 ${period} 的等级 ${JSON.stringify(h.grade)} 不是模板的等级`, en: `Period ${period}: grade ${JSON.stringify(h.grade)} is not one of the template's grades` }, { id: period });
    }
    const dims = checkDimensionScores(template, h.dimensions, { zh: `月份 ${period}`, en: `period ${period}` });
    if (!dims.ok) return dims;
  }
  const sorted = [...history].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const triggers = template.periodRules.map((r, i) => judge(r, i, sorted)).filter((t): t is PeriodTrigger => t !== null);
  let worst: PeriodTrigger | undefined;
  for (const t of triggers) if (worst === undefined || SEVERITY[t.outcome] > SEVERITY[worst.outcome]) worst = t;
  return ok({ status: worst?.outcome ?? 'ok', reason: worst?.reason ?? null, triggers });
}
