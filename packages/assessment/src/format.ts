// How the report writes its numbers, shared by the Markdown and the Svelte components: rates
// as percentages with one decimal, points without needless decimals, a level's pass line in points.

import type { Lang } from '@fixops/shared';
import type { ReportModel } from './model.js';
import { t } from './labels.js';

/** 0.497 → "49.7%"; null → "—". */
export const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** 164 → "164", 7.25 → "7.3". */
export const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The points a level needs to pass: its maximum times its own pass rate, to two decimals. */
export const passPoints = (max: number, passRate: number): number => Math.round(max * passRate * 100) / 100;

/** A KPI's name in the report's language, from the report's own KPI list; the id when unknown. */
export function kpiName(m: Pick<ReportModel, 'coverage'>, id: string, lang: Lang): string {
  const k = m.coverage.byKpi.find((x) => x.kpi.id === id)?.kpi;
  return k ? (lang === 'en' ? k.en : k.zh) : id;
}

/** A level not completely scored: its rate over what is scored (score / max of the scored lines); null when nothing is. */
export function partialRateOf(level: { score: number; progress?: { max: number } }): number | null {
  const max = level.progress?.max ?? 0;
  return max > 0 ? level.score / max : null;
}

/** "未评完 4/100" / "Incomplete 4/100"; without counts (an old scorecard) just "未评完". */
export function incompleteText(level: { progress?: { scored: number; of: number } }, lang: Lang): string {
  const p = level.progress;
  return p && p.of > 0 ? t('incompleteOf', lang, { scored: p.scored, of: p.of }) : t('incomplete', lang);
}
