import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, formatRatio, formatSpread } from './format.js';

describe('formatting', () => {
  it('gives digits by magnitude and separates thousands', () => {
    expect(formatNumber(4521.4)).toBe('4,521');
    expect(formatNumber(30.66)).toBe('30.7');
    expect(formatNumber(3.149)).toBe('3.15');
    expect(formatNumber(3.149, 0)).toBe('3');
  });
  it('writes a spread with the digits of its median', () => {
    expect(formatSpread({ min: 3.15, median: 3.79, max: 14.58 })).toBe('3.15 / 3.79 / 14.58');
    expect(formatSpread({ min: 99.6, median: 147, max: 1480 })).toBe('100 / 147 / 1,480');
  });
  it('writes a ratio as median and range', () => {
    expect(formatRatio({ min: 30.61, median: 30.72, max: 31.04 })).toBe('30.7× (30.6–31.0)');
    expect(formatRatio({ min: 2.43, median: 2.8, max: 3.65 }, '%')).toBe('2.80% (2.43–3.65)');
  });
  it('writes durations in s, min, h', () => {
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(754_000)).toBe('12 min 34 s');
    expect(formatDuration(2 * 3600_000 + 5 * 60_000)).toBe('2 h 5 min');
  });
});
