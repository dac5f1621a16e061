import { describe, expect, it } from 'vitest';
import { chartHeight, shortLabel, valueDomain } from './chart.js';

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
