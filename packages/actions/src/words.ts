// How an action and its measured effect read, in Chinese first and English: status and verdict
// labels, and one sentence per effect with its numbers, in words a dealer's service manager
// reads. Browser-safe (the dashboard, the report and the CLI all use it).

import { formatCount, formatMoney, formatPercent, formatValue, NONE, type Lang } from '@fixops/shared';
import type { KpiEffect, ModuleEffect, Verdict } from './effect.js';
import type { ActionStatus, ActionWithEffect } from './types.js';

type Unit = 'count' | 'rate' | 'money';

const STATUS: Record<ActionStatus, [string, string]> = {
  open: ['未完成', 'open'],
  done: ['已完成待验证', 'done'],
  verified: ['已验证', 'verified'],
};
const VERDICT: Record<Verdict, [string, string]> = {
  improved: ['改善明显', 'clear improvement'],
  unchanged: ['无明显变化', 'no clear change'],
  worse: ['变差', 'worse'],
  insufficient: ['数据不足', 'not enough data'],
};

const MODULE_VERDICT: Record<Verdict, [string, string]> = {
  improved: ['得分率上升', 'rate up'],
  unchanged: ['得分率持平', 'rate unchanged'],
  worse: ['得分率下降', 'rate down'],
  insufficient: ['数据不足', 'not enough data'],
};

export const statusLabel = (s: ActionStatus, lang: Lang): string => STATUS[s][lang === 'en' ? 1 : 0];
export const verdictLabel = (v: Verdict, lang: Lang): string => VERDICT[v][lang === 'en' ? 1 : 0];

/** The verdict's words: 改善明显 / 无明显变化 / 变差 for a KPI (beyond the noise or not), the rate's direction for a module. */
export const effectLabel = (e: KpiEffect | ModuleEffect, lang: Lang): string => (e.kind === 'kpi' ? VERDICT : MODULE_VERDICT)[e.verdict][lang === 'en' ? 1 : 0];

/** A change in the KPI's unit with its sign: +15.0 个百分点 / +15.0 pp, +¥120, +3. */
export function formatChange(value: number | null, unit: Unit, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return NONE;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const abs = Math.abs(value);
  if (unit === 'rate') return `${sign}${(abs * 100).toFixed(1)}${lang === 'en' ? ' pp' : ' 个百分点'}`;
  if (unit === 'money') return `${sign}${formatMoney(abs, lang)}`;
  return `${sign}${abs < 10 ? abs.toFixed(1) : formatCount(abs, lang)}`;
}

/** A level (a mean of monthly values) in the KPI's unit; counts keep one decimal below 10. */
function level(value: number | null, unit: Unit, lang: Lang): string {
  if (unit === 'count' && value !== null && Math.abs(value) < 10) return value.toFixed(1);
  return formatValue(value, unit, lang);
}

const span = (months: readonly string[]) => (months.length === 0 ? NONE : months.length === 1 ? months[0]! : `${months[0]}–${months.at(-1)}`);

export function kpiEffectSentence(e: KpiEffect, name: string, unit: Unit, due: string, lang: Lang): string {
  const v = (x: number | null) => level(x, unit, lang);
  const c = (x: number | null) => formatChange(x, unit, lang);
  const noise = e.noise === null ? null : formatChange(e.noise, unit, lang).replace(/^[+−±]/, '±');
  if (lang === 'en') {
    if (e.reason === 'no_after') return `Not enough data yet: no month after the due date ${due} has data.`;
    if (e.reason === 'no_before') return `Not enough data: ${name} has no value in the 3 months before the action.`;
    const head = `${name} averaged ${v(e.dealerBefore)} in the ${e.beforeMonths.length} month(s) before (${span(e.beforeMonths)}) and ${v(e.dealerAfter)} in the ${e.afterMonths.length} month(s) after (${span(e.afterMonths)}): ${c(e.dealerChange)}`;
    if (e.reason === 'no_peers') return `${head}. Not enough data: no peer dealer has values in those months to compare with.`;
    const group = `; peer group median ${v(e.groupBefore)} → ${v(e.groupAfter)} (${c(e.groupChange)}). Net of the peers: ${c(e.did)}`;
    if (e.reason === 'short_history') return `${head}${group}. Not enough data to judge: only ${e.historyMonths} of the 12 months before have values (6 needed to know the dealer's usual ups and downs).`;
    const tail = e.verdict === 'unchanged'
      ? `, within the dealer's usual ups and downs (${noise}): no clear change.`
      : `, more than the dealer's usual ups and downs (${noise}): ${e.verdict === 'improved' ? 'a clear improvement' : 'worse'}.`;
    return `${head}${group}${tail}`;
  }
  if (e.reason === 'no_after') return `数据不足：截止日期 ${due} 之后还没有数据月份，到时再看效果。`;
  if (e.reason === 'no_before') return `数据不足：整改前 3 个月没有${name}的数据。`;
  const head = `${name}整改前 ${e.beforeMonths.length} 个月（${span(e.beforeMonths)}）平均 ${v(e.dealerBefore)}，整改后 ${e.afterMonths.length} 个月（${span(e.afterMonths)}）平均 ${v(e.dealerAfter)}，变化 ${c(e.dealerChange)}`;
  if (e.reason === 'no_peers') return `${head}；同组其他经销商在这些月份没有数据，无法对比，数据不足。`;
  const group = `；同组经销商（中位数）同期 ${v(e.groupBefore)} → ${v(e.groupAfter)}（${c(e.groupChange)}）。扣除同组的变化，本店净变化 ${c(e.did)}`;
  if (e.reason === 'short_history') return `${head}${group}；整改前 12 个月只有 ${e.historyMonths} 个月有数据（至少需要 6 个月才能知道本店平时的波动），数据不足。`;
  const tail = e.verdict === 'unchanged'
    ? `，在本店平时的波动（${noise}）之内：无明显变化。`
    : `，超出本店平时的波动（${noise}）：${e.verdict === 'improved' ? '改善明显' : '变差'}。`;
  return `${head}${group}${tail}`;
}

export function moduleEffectSentence(e: ModuleEffect, name: string, lang: Lang): string {
  if (lang === 'en') {
    if (e.reason === 'no_after') return 'Not enough data yet: no visit has scored this module since the action was agreed.';
    if (e.reason === 'no_before') return 'Not enough data: no visit scored this module before the action.';
    return `${name}: score rate ${formatPercent(e.before!.rate)} at the visit of ${e.before!.date}, ${formatPercent(e.after!.rate)} at the next visit (${e.after!.date}): ${formatChange(e.change, 'rate', 'en')}.`;
  }
  if (e.reason === 'no_after') return '数据不足：整改后还没有评估过这个模块，下次现场评估后再看。';
  if (e.reason === 'no_before') return '数据不足：整改前没有评估过这个模块。';
  return `${name}得分率：整改前的评估（${e.before!.date}）${formatPercent(e.before!.rate)}，整改后的下一次评估（${e.after!.date}）${formatPercent(e.after!.rate)}，变化 ${formatChange(e.change, 'rate', 'zh')}。`;
}

export function effectSentence(a: ActionWithEffect, lang: Lang): string {
  const name = lang === 'en' ? a.target.name.en : a.target.name.zh;
  return a.effect.kind === 'kpi'
    ? kpiEffectSentence(a.effect, name, a.unit ?? 'count', a.due, lang)
    : moduleEffectSentence(a.effect, name, lang);
}

const LABELS = {
  tracking: ['整改跟踪', 'Action tracking'],
  none: ['暂无整改事项。可在经销商页面或报告中把未达标的模块或 KPI “加入整改计划”。', 'No actions yet. Add a failed module or a flagged KPI to the action plan from the dealer page or the report.'],
  title: ['整改事项', 'Action'],
  target: ['针对', 'Target'],
  owner: ['负责人', 'Owner'],
  due: ['截止日期', 'Due'],
  status: ['状态', 'Status'],
  effect: ['效果', 'Effect'],
  overdue: ['已逾期', 'overdue'],
  notes: ['备注', 'Notes'],
  method: ['效果的算法：整改前 3 个月与截止日期后 3 个月的月平均值之差，减去同组其他经销商（每月取中位数）同期的变化；超过本店过去 12 个月的正常波动（MAD ÷ 0.6745）才算改善明显或变差。',
    'How the effect is measured: the change of the monthly mean from the 3 months before the action to the 3 months after its due date, minus the peer group\'s change (the monthly median of the other dealers); only a net change beyond the dealer\'s usual ups and downs over the 12 months before (MAD ÷ 0.6745) counts as a clear improvement or worse.'],
} as const;

export type ActionLabel = keyof typeof LABELS;
export const actionLabel = (key: ActionLabel, lang: Lang): string => LABELS[key][lang === 'en' ? 1 : 0];

/** The 整改跟踪 section as Markdown, for `fixops report --format md` and the API's Markdown report. */
export function actionsMarkdown(actions: readonly ActionWithEffect[], lang: Lang): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const l = (k: ActionLabel) => actionLabel(k, lang);
  if (actions.length === 0) return `## ${l('tracking')}\n\n${l('none')}\n`;
  const rows = actions.map((a) => `| ${a.id} | ${cell(a.title)} | ${cell(lang === 'en' ? a.target.name.en : a.target.name.zh)} | ${cell(a.owner)} | ${a.due} | ${statusLabel(a.status, lang)}${a.overdue ? ` · ${l('overdue')}` : ''} | ${effectLabel(a.effect, lang)}：${cell(effectSentence(a, lang))} |`);
  return [`## ${l('tracking')}`, '', `| # | ${l('title')} | ${l('target')} | ${l('owner')} | ${l('due')} | ${l('status')} | ${l('effect')} |`, '|---|---|---|---|---|---|---|', ...rows, '', l('method'), ''].join('\n');
}
