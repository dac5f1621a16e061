// Chart wrappers as the server renders them (before any JS): the numbers are there as a
// table; the sparkline is plain SVG with a path computed from the values.

import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Sparkline from './Sparkline.svelte';
import TrendChart from './TrendChart.svelte';
import BarsChart from './BarsChart.svelte';
import KpiCard from '../KpiCard.svelte';
import { sparkGeometry } from './sparkline.js';
import { trendDomain, trendPoints } from './trend.js';

describe('sparkline geometry', () => {
  it('spreads points across the width between min and max', () => {
    expect(sparkGeometry([1, 3, 2], 104, 24)).toEqual({ d: 'M2 22L52 2L102 12', last: { x: 102, y: 12 } });
  });
  it('leaves a gap for a missing month and has no dot when the last month is missing', () => {
    const g = sparkGeometry([1, null, 3, 2, null], 100, 20);
    expect(g.d).toBe('M2 18M50 2L74 10');
    expect(g.last).toBeNull();
  });
  it('draws a flat series in the middle and nothing without values', () => {
    expect(sparkGeometry([5, 5], 10, 20).d).toBe('M2 10L8 10');
    expect(sparkGeometry([null, null], 10, 20)).toEqual({ d: '', last: null });
  });
  it('renders as SVG on the server with the values in its title', () => {
    const { body } = render(Sparkline, { props: { values: [1, 3, 2], width: 104, height: 24, label: 'SZ009', labels: ['1月 1', '2月 3', '3月 2'] } });
    expect(body).toContain('d="M2 22L52 2L102 12"');
    expect(body).toContain('<title>SZ009 · 1月 1 · 2月 3 · 3月 2</title>');
  });
});

describe('trend chart', () => {
  const points = trendPoints(['2025-10', '2025-11', '2025-12'], 'booking_rate', [
    { dealer: 'SZ009', month: '2025-11', kpi: 'booking_rate', value: 0.25 },
    { dealer: 'SZ009', month: '2025-12', kpi: 'booking_rate', value: 0.2387 },
    { dealer: 'SZ009', month: '2025-12', kpi: 'ro_count', value: 222 },
  ], [{ month: '2025-12', kpi: 'booking_rate', group: 'metro', groupSize: 6, p25: 0.2, median: 0.218, p75: 0.31 }]);

  it('joins the dealer\'s values with the peer quartiles per month', () => {
    expect(points).toEqual([
      { month: '2025-10', value: null, warming: false, p25: null, median: null, p75: null },
      { month: '2025-11', value: 0.25, warming: false, p25: null, median: null, p75: null },
      { month: '2025-12', value: 0.2387, warming: false, p25: 0.2, median: 0.218, p75: 0.31 },
    ]);
  });
  it('marks warming-up months (数据积累中) and says so in the table before JS runs', () => {
    const warm = trendPoints(['2025-11', '2025-12'], 'churn_rate', [
      { month: '2025-11', kpi: 'churn_rate', value: null, status: 'warming_up' },
      { month: '2025-12', kpi: 'churn_rate', value: null, status: 'not_tracked' },
    ], []);
    expect(warm.map((p) => [p.month, p.warming])).toEqual([['2025-11', true], ['2025-12', false]]);
    const { body } = render(TrendChart, { props: { points: warm, unit: 'rate', lang: 'zh', title: '流失率' } });
    expect(body).toContain('数据积累中');
    expect(body).toContain('同组中位数');
  });
  it('spans values, band and target', () => {
    const [lo, hi] = trendDomain(points, 0.3, 'rate');
    expect(lo).toBeLessThan(0.2);
    expect(hi).toBeGreaterThan(0.31);
    expect(hi).toBeLessThanOrEqual(1);
    expect(trendDomain([], null, 'rate')).toEqual([0, 1]);
  });
  it('shows the numbers as a table before JS runs, with an explicit height', () => {
    const { body } = render(TrendChart, { props: { points, unit: 'rate', lang: 'zh', target: 0.3, title: '预约率', height: 170 } });
    expect(body).toContain('预约率');
    expect(body).toMatch(/<table class="fallback/);
    expect(body).toContain('2025年12月');
    expect(body).toContain('23.9%');
    expect(body).toContain('21.8%');
    expect(body).toContain('20.0%–31.0%');
    expect(body).toContain('height: 170px');
    expect(body).toContain('目标 30.0%');
  });
});

describe('bars chart', () => {
  it('shows categories and values as a table before JS runs, with the reference line named', () => {
    const { body } = render(BarsChart, { props: {
      title: '得分', unit: 'rate', lang: 'en', headings: ['Module', 'Score rate'], orientation: 'horizontal', max: 1,
      data: [{ key: 'm1', label: 'Reception', value: 0.5, note: '5/10' }, { key: 'm2', label: 'Workshop', value: null }],
      reference: { value: 0.7, label: 'Pass line 70.0%' },
    } });
    expect(body).toContain('Reception');
    expect(body).toContain('50.0% · 5/10');
    expect(body).toContain('Workshop');
    expect(body).toContain('Pass line 70.0%');
  });

  it('names the bars\' own reference lines in the legend when each bar carries one', () => {
    const { body } = render(BarsChart, { props: {
      title: '得分', unit: 'rate', lang: 'en', headings: ['Module', 'Score rate'], orientation: 'horizontal', max: 1,
      data: [{ key: 'm1', label: 'Reception', value: 0.6, reference: 0.5 }, { key: 'm2', label: 'Workshop', value: 0.8, reference: 0.9 }],
      referenceLabel: 'Pass line 50.0% / 90.0%',
    } });
    expect(body).toContain('Reception');
    expect(body).toContain('80.0%');
    expect(body).toContain('Pass line 50.0% / 90.0%');
    expect(body).toContain('class="legend');
  });
});

describe('KPI card', () => {
  it('shows value, change, target and peer median, coloured against the target', () => {
    const meta = { id: 'booking_rate', zh: '预约率', en: 'Booking rate', unit: 'rate' as const, better: 'higher' as const, target: 0.3, description: { zh: '', en: '' } };
    const { body } = render(KpiCard, { props: { meta, value: 0.2387, previous: 0.2410, peerMedian: 0.218, lang: 'zh' } });
    expect(body).toContain('预约率');
    expect(body).toContain('23.9%');
    expect(body).toContain('−0.2个百分点');
    expect(body).toContain('≥ 30.0%');
    expect(body).toContain('21.8%');
    expect(body).toMatch(/rag-red/);
    const missing = render(KpiCard, { props: { meta, value: null, previous: 0.2, peerMedian: null, lang: 'en' } }).body;
    expect(missing).toContain('not tracked');
  });
});
