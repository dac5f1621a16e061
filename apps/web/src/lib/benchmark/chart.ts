// Sizes and domains of the ranked bar chart, kept out of the component so they are tested.

/** Pixels per bar and the chart's frame: the chart box always has this explicit height. */
export const BAR_PX = 22;
export const FRAME_PX = 36;

export function chartHeight(bars: number): number {
  return FRAME_PX + Math.max(1, bars) * BAR_PX;
}

/** The value axis: from 0 (or the lowest value when negative) to the largest value or band edge. */
export function valueDomain(values: readonly number[], marks: readonly (number | null)[]): [number, number] {
  const all = [...values, ...marks.filter((m): m is number => m !== null && Number.isFinite(m))];
  if (all.length === 0) return [0, 1];
  const lo = Math.min(0, ...all);
  const hi = Math.max(...all);
  return hi === lo ? [lo, lo + 1] : [lo, hi];
}

/** Axis labels stay short: at most 14 characters, with an ellipsis. */
export function shortLabel(label: string, max = 14): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

export interface RankedLegendItem {
  kind: 'band' | 'median' | 'target' | 'selected';
  text: string;
}

/** The ranked chart's legend: what is drawn behind and across the bars, then the selected dealer. */
export function rankedLegend(
  has: { band: boolean; median: boolean; target: number | null; selected: string | null },
  words: { band: string; median: string; target: string },
): RankedLegendItem[] {
  const items: RankedLegendItem[] = [];
  if (has.band) items.push({ kind: 'band', text: words.band });
  if (has.median) items.push({ kind: 'median', text: words.median });
  if (has.target !== null) items.push({ kind: 'target', text: words.target });
  if (has.selected !== null) items.push({ kind: 'selected', text: has.selected });
  return items;
}
