// Whether a supplier is qualified as of a month, by the supplier template's period rules
// (applyPeriodRules of packages/checklist does the judging):
// - three consecutive C months disqualify (取消供应商资格): judged on every rating up to the
//   month, so a disqualification stands;
// - any dimension at 0 suspends (暂取消合格供应商资格，整改三个月后再重新评估): judged on the
//   month and the two before it, so a rating three months after the zero, without a zero,
//   lifts the suspension.
// The reasons name the months and the dimensions in words.

import { applyPeriodRules, type PeriodOutcome, type PeriodRecord, type WeightedTemplate } from '@fixops/checklist';
import { addMonths, ok, type Message, type Result } from '@fixops/shared';

/** A suspension covers the month with the zero and this many months in all. */
export const SUSPENSION_MONTHS = 3;

export type SupplierStatusKind = 'ok' | PeriodOutcome;

export interface RuleOutcome {
  outcome: PeriodOutcome;
  /** The months that set it off. */
  months: string[];
  /** What happened, in words, with months and dimension names. */
  reason: Message;
  /** The template's own wording of the rule. */
  rule: Message | null;
}

export interface SupplierStatus {
  status: SupplierStatusKind;
  asOf: string;
  /** The most severe outcome's reason; null when qualified. */
  reason: Message | null;
  outcomes: RuleOutcome[];
}

const SEVERITY: Record<SupplierStatusKind, number> = { ok: 0, suspended: 1, disqualified: 2 };

function zeroReason(template: WeightedTemplate, history: readonly PeriodRecord[], months: string[]): Message {
  const dim = (id: string) => template.dimensions.find((d) => d.id === id) ?? { zh: id, en: id };
  const parts = months.map((m) => {
    const zeros = Object.entries(history.find((h) => h.period === m)?.dimensions ?? {}).filter(([, v]) => v === 0).map(([k]) => dim(k));
    return { zh: `${m} ${zeros.map((d) => d.zh).join('、')}`, en: `${m} ${zeros.map((d) => d.en).join(', ')}` };
  });
  const last = months[months.length - 1]!;
  const until = addMonths(last, SUSPENSION_MONTHS);
  return {
    zh: `${parts.map((p) => p.zh).join('；')} 评分为 0：暂停合格供应商资格，整改三个月后（${until} 起）再重新评估`,
    en: `${parts.map((p) => p.en).join('; ')} scored 0: approval suspended; re-rated after three months of corrective action (from ${until})`,
  };
}

/** The status as of `asOf` (YYYY-MM) from the supplier's ratings (any order). */
export function supplierStatus(template: WeightedTemplate, history: readonly PeriodRecord[], asOf: string): Result<SupplierStatus> {
  const upTo = history.filter((h) => h.period <= asOf);
  const recent = upTo.filter((h) => h.period > addMonths(asOf, -SUSPENSION_MONTHS));
  const all = applyPeriodRules(template, upTo);
  if (!all.ok) return all;
  const window = applyPeriodRules(template, recent);
  if (!window.ok) return window;
  const outcomes: RuleOutcome[] = [];
  for (const [i, rule] of template.periodRules.entries()) {
    const judged = rule.rule === 'consecutive' ? all.value : window.value;
    const t = judged.triggers.find((x) => x.rule === i);
    if (!t) continue;
    const reason = rule.rule === 'any_dimension_zero' ? zeroReason(template, recent, t.periods) : t.reason;
    outcomes.push({ outcome: t.outcome, months: t.periods, reason, rule: rule.note ?? null });
  }
  let worst: RuleOutcome | undefined;
  for (const o of outcomes) if (!worst || SEVERITY[o.outcome] > SEVERITY[worst.outcome]) worst = o;
  return ok({ status: worst?.outcome ?? 'ok', asOf, reason: worst?.reason ?? null, outcomes });
}
