// The ranked bar chart as the server renders it (before any JS): a box of explicit height for
// the bars that have a value, and its legend; the bars themselves are drawn in the browser.

import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import RankedBarChart from './RankedBarChart.svelte';
import { chartHeight } from './chart.js';
import { benchmarkModel, type BenchmarkRow } from './model.js';

const row = (dealer: string | null, value: number | null, rank: number | null): BenchmarkRow => ({
  group: 'metro', groupSize: 3, dealer, name: dealer ? `${dealer} 店` : null, value, rank, percentile: null,
  p25: 0.2, median: 0.3, p75: 0.4, gapToMedian: null, gapToTopQuartile: null,
});

describe('RankedBarChart (server render)', () => {
  const [g] = benchmarkModel([row('SH001', 0.35, 2), row(null, 0.5, 1), row('BJ002', null, null)], 'SH001', 'zh');
  const { body } = render(RankedBarChart, {
    props: { bars: g!.bars, p25: g!.p25, median: g!.median, p75: g!.p75, format: (v: number) => `${v}`, title: '预约率排名', bandLabel: 'P25–P75', medianLabel: '中位数' },
  });

  it('reserves the chart\'s height for the bars with a value, before JS runs', () => {
    expect(body).toContain(`height: ${chartHeight(2)}px`);
    expect(body).toContain('data-bars="2"');
    expect(body).toContain('aria-label="预约率排名"');
    expect(body).not.toContain('<svg');
  });

  it('has a legend naming the band, the median and the selected dealer', () => {
    expect(body).toContain('P25–P75');
    expect(body).toContain('中位数');
    expect(body).toContain('SH001 SH001 店');
  });
});
