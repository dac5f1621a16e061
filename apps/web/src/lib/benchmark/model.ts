// The benchmark page's display model: GET /api/benchmark rows → one ranked list per peer
// group, with its quartile band, the selected dealer marked, and anonymous peers labelled by
// rank (a dealer-role user gets other dealers with dealer = null).

import type { Lang } from '@fixops/shared';
import type { BenchmarkRow } from '../api.js';

export type { BenchmarkRow, Lang };

export interface RankedBar {
  /** Unique within the group: the dealer code, or `#n` for an anonymous peer. */
  key: string;
  /** What the chart and table show: code + name, or "同组经销商 #3". */
  label: string;
  dealer: string | null;
  value: number | null;
  rank: number | null;
  percentile: number | null;
  gapToMedian: number | null;
  gapToTopQuartile: number | null;
  selected: boolean;
  anonymous: boolean;
}

export interface GroupBenchmark {
  group: string;
  size: number;
  p25: number | null;
  median: number | null;
  p75: number | null;
  /** Best first; dealers without a value last. */
  bars: RankedBar[];
  /** The selected dealer's bar, when it is in this group. */
  selected: RankedBar | null;
}

export function anonymousLabel(position: number, lang: Lang): string {
  return lang === 'zh' ? `同组经销商 #${position}` : `Peer #${position}`;
}

/** Groups the rows, ranks them, and labels anonymous peers by their place in the list. */
export function benchmarkModel(rows: readonly BenchmarkRow[], selected: string | null, lang: Lang): GroupBenchmark[] {
  const byGroup = new Map<string, BenchmarkRow[]>();
  for (const r of rows) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  const groups: GroupBenchmark[] = [];
  for (const [group, list] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.dealer ?? '').localeCompare(b.dealer ?? ''));
    const bars = sorted.map((r, i): RankedBar => {
      const anonymous = r.dealer === null;
      const label = anonymous ? anonymousLabel(i + 1, lang) : r.name ? `${r.dealer} ${r.name}` : r.dealer!;
      return {
        key: r.dealer ?? `#${i + 1}`, label, dealer: r.dealer, value: r.value, rank: r.rank, percentile: r.percentile,
        gapToMedian: r.gapToMedian, gapToTopQuartile: r.gapToTopQuartile, selected: r.dealer !== null && r.dealer === selected, anonymous,
      };
    });
    const first = list[0]!;
    groups.push({ group, size: first.groupSize, p25: first.p25, median: first.median, p75: first.p75, bars, selected: bars.find((b) => b.selected) ?? null });
  }
  // The selected dealer's group first.
  return groups.sort((a, b) => Number(b.selected !== null) - Number(a.selected !== null));
}

/** Bars with a value, for the chart (a dealer without data has no bar, only a table row). */
export function chartBars(g: GroupBenchmark): RankedBar[] {
  return g.bars.filter((b) => b.value !== null);
}
