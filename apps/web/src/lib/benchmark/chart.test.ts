import { describe, expect, it } from 'vitest';
import { chartHeight, rankedLegend, shortLabel, valueDomain } from './chart.js';

describe('ranked bar chart sizes', () => {
  it('has an explicit height for any number of bars, never zero', () => {
    expect(chartHeight(0)).toBe(58);
    expect(chartHeight(12)).toBe(36 + 12 * 22);
  });

  it('spans zero to the largest value or band edge; negative values widen it', () => {
    expect(valueDomain([0.3, 0.8], [0.4, 0.5, 0.9])).toEqual([0, 0.9]);
    expect(valueDomain([-5, 10], [null, 2, null])).toEqual([-5, 10]);
    expect(valueDomain([], [])).toEqual([0, 1]);
    expect(valueDomain([0], [0])).toEqual([0, 1]);
  });

  it('shortens long labels by characters, not bytes', () => {
    expect(shortLabel('SZ009 深圳某某汽车销售服务有限公司')).toBe('SZ009 深圳某某汽车销…');
    expect(shortLabel('同组经销商 #3')).toBe('同组经销商 #3');
  });
});

describe('ranked chart legend', () => {
  const words = { band: 'P25–P75', median: '中位数', target: '目标 ≥ 30.0%' };
  it('names the band, the median, the target and the selected dealer, in that order', () => {
    expect(rankedLegend({ band: true, median: true, target: 0.3, selected: 'SH001 一店' }, words)).toEqual([
      { kind: 'band', text: 'P25–P75' }, { kind: 'median', text: '中位数' }, { kind: 'target', text: '目标 ≥ 30.0%' }, { kind: 'selected', text: 'SH001 一店' },
    ]);
  });
  it('leaves out what is not drawn', () => {
    expect(rankedLegend({ band: false, median: true, target: null, selected: null }, words).map((i) => i.kind)).toEqual(['median']);
  });
  it('the value axis reaches the target', () => {
    expect(valueDomain([0.1, 0.2], [0.15, 0.18, 0.19, 0.3])).toEqual([0, 0.3]);
  });
});
