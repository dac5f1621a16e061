// What chart axes and legends say, kept out of the components so it is tested: month ticks
// with their year (2025-01, never "Jan" alone), the unit of a value axis (%, 台次, 元, 天 per
// KPI unit), the legend entries of a trend chart, and the runs of warming-up months
// (数据积累中) that a chart marks instead of leaving a gap.

import { formatValue, type Unit } from '../format.js';
import { translator, type Lang, type MessageKey } from '../i18n.js';

/** A month tick from a chart's Date (local time, as the chart made it from "YYYY-MM-01"): "2025-01" in both languages, a year on every tick. */
export function monthOfDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** KPIs counted in something other than repair orders. */
const COUNT_UNITS: Record<string, 'customers' | 'days'> = { base_customers: 'customers' };

/** The unit a value axis is in: % for rates, 元 for money, 台次 for counts (人 / 天 where the KPI counts those). */
export function unitLabel(unit: Unit, lang: Lang, kpi?: string): string {
  const t = translator(lang);
  if (unit === 'rate') return t('e17.unit.rate');
  if (unit === 'money') return t('e17.unit.money');
  const special = kpi ? COUNT_UNITS[kpi] ?? (/_days?$/.test(kpi) ? 'days' : undefined) : undefined;
  return t(`e17.unit.${special ?? 'count'}` as MessageKey);
}

/** "单位：%" / "Unit: %" — the axis title. */
export function axisTitle(unit: Unit, lang: Lang, kpi?: string): string {
  return translator(lang)('e17.unit.axis', { unit: unitLabel(unit, lang, kpi) });
}

export type LegendKind = 'line' | 'band' | 'median' | 'target' | 'warming';
export interface LegendItem {
  kind: LegendKind;
  text: string;
}

/** The legend of a trend chart: the dealer's line, then what else is drawn (band, median, target, warming-up months). */
export function trendLegend(has: { band: boolean; median: boolean; warming: boolean }, target: number | null, unit: Unit, lang: Lang): LegendItem[] {
  const t = translator(lang);
  const items: LegendItem[] = [{ kind: 'line', text: t('common.value') }];
  if (has.band) items.push({ kind: 'band', text: t('common.peerBand') });
  if (has.median) items.push({ kind: 'median', text: t('common.peerMedian') });
  if (target !== null) items.push({ kind: 'target', text: `${t('common.target')} ${formatValue(target, unit, lang)}` });
  if (has.warming) items.push({ kind: 'warming', text: t('warming.label') });
  return items;
}

/** Runs of consecutive warming-up months, [first, last] each, in the order given. */
export function warmingRuns(points: readonly { month: string; warming: boolean }[]): [string, string][] {
  const runs: [string, string][] = [];
  let open: [string, string] | null = null;
  for (const p of points) {
    if (p.warming) {
      if (open) open[1] = p.month;
      else {
        open = [p.month, p.month];
        runs.push(open);
      }
    } else open = null;
  }
  return runs;
}
