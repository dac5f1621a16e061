// How numbers read on the dashboard: KPI values in their unit (the shared formatter: ¥ with
// 万/亿 in Chinese, % with one decimal, whole counts, "—" with its reason), chart axes, months
// as 2025年12月 / Dec 2025, changes and red/amber/green against targets.

import { formatCount, isFiniteNumber, NONE, type Unit } from '@fixops/shared';
import type { Lang } from './i18n.js';

/** The unit-aware formatters live in @fixops/shared (the CLI and flag sentences use them too). */
export { formatCount, formatMoney, formatPercent, formatValue, NONE, type Unit } from '@fixops/shared';

export type Direction = 'higher' | 'lower';

/** Short form for chart axes: 12.3% · ¥1.2万 / ¥12k · 1,234. */
export function formatAxis(value: number, unit: Unit, lang: Lang): string {
  if (unit === 'rate') return `${Math.round(value * 1000) / 10}%`;
  if (unit === 'money') {
    const abs = Math.abs(value);
    if (lang === 'zh' && abs >= 1e4) return `¥${Math.round(value / 1e3) / 10}万`;
    if (lang === 'en' && abs >= 1e3) return `¥${Math.round(value / 100) / 10}k`;
    return `¥${Math.round(value)}`;
  }
  return formatCount(value, lang);
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-12" → 2025年12月 / Dec 2025; anything else unchanged. */
export function formatMonth(month: string | null | undefined, lang: Lang): string {
  if (!month) return NONE;
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const [, y, mm] = m;
  return lang === 'zh' ? `${y}年${Number(mm)}月` : `${EN_MONTHS[Number(mm) - 1]} ${y}`;
}

/** "2025-12" → 12月 / Dec (chart ticks). */
export function formatMonthShort(month: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return lang === 'zh' ? `${Number(m[2])}月` : EN_MONTHS[Number(m[2]) - 1]!;
}

/**
 * Change from the previous month: rates in percentage points (+1.2 pp / +1.2个百分点),
 * money and counts relative (+4.5%). null when either side is missing (or the base is 0).
 */
export function formatChange(current: number | null | undefined, previous: number | null | undefined, unit: Unit, lang: Lang): string | null {
  if (!isFiniteNumber(current) || !isFiniteNumber(previous)) return null;
  const sign = (d: number) => (d > 0 ? '+' : d < 0 ? '−' : '±');
  if (unit === 'rate') {
    const d = (current - previous) * 100;
    const abs = Math.abs(d).toFixed(1);
    return lang === 'zh' ? `${sign(Number(abs) === 0 ? 0 : d)}${abs}个百分点` : `${sign(Number(abs) === 0 ? 0 : d)}${abs} pp`;
  }
  if (previous === 0) return null;
  const r = ((current - previous) / Math.abs(previous)) * 100;
  const abs = Math.abs(r).toFixed(1);
  return `${sign(Number(abs) === 0 ? 0 : r)}${abs}%`;
}

export type Rag = 'green' | 'amber' | 'red';

/** How far from the target still counts as amber: 10% of the target. */
export const AMBER_TOLERANCE = 0.1;

/**
 * Red/amber/green against a target: green when it meets the target in the better direction,
 * amber within 10% of the target on the wrong side, red beyond. null without value or target.
 */
export function ragOf(value: number | null | undefined, target: number | null | undefined, better: Direction): Rag | null {
  if (!isFiniteNumber(value) || !isFiniteNumber(target)) return null;
  const margin = Math.abs(target) * AMBER_TOLERANCE;
  if (better === 'higher') return value >= target ? 'green' : value >= target - margin ? 'amber' : 'red';
  return value <= target ? 'green' : value <= target + margin ? 'amber' : 'red';
}

/** Month arithmetic lives in @fixops/shared; re-exported for the pages that import it from here. */
export { lastMonths, previousMonth } from '@fixops/shared';
