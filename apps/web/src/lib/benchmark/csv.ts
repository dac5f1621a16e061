// The benchmark as a CSV download (UTF-8 with BOM so Excel opens Chinese text), built in the
// browser from the rows the page shows: anonymous peers stay anonymous in the file. Written
// with the shared CSV writer: names and groups that look like formulas are neutralised, the
// numbers we computed (gaps included) are passed as numbers and stay numbers.

import { csvText } from '@fixops/shared';
import type { GroupBenchmark, Lang } from './model.js';

const HEAD: Record<Lang, string[]> = {
  zh: ['分组', '排名', '经销商', '数值', '百分位', 'P25', '中位数', 'P75', '与中位数差距', '与前四分位差距'],
  en: ['group', 'rank', 'dealer', 'value', 'percentile', 'p25', 'median', 'p75', 'gap_to_median', 'gap_to_top_quartile'],
};

const num = (v: number | null, digits = 6): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(digits)));

export function benchmarkCsv(groups: readonly GroupBenchmark[], lang: Lang): string {
  const data = groups.flatMap((g) => g.bars.map((b) => [
    g.group, b.rank, b.label, num(b.value), num(b.percentile, 1),
    num(g.p25), num(g.median), num(g.p75), num(b.gapToMedian), num(b.gapToTopQuartile),
  ]));
  return csvText([HEAD[lang], ...data], { bom: true });
}

export function benchmarkFileName(q: { kpi: string; month: string; group?: string | undefined }): string {
  const safe = (s: string) => s.replace(/[^\w\u4e00-\u9fff-]+/g, '_');
  return `benchmark-${safe(q.kpi)}-${q.month}${q.group ? `-${safe(q.group)}` : ''}.csv`;
}
