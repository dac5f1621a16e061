import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatPercent, formatValue, isFiniteNumber } from './format.js';

describe('KPI values in their unit', () => {
  it('formats rates, money and counts in both languages', () => {
    expect(formatValue(0.305, 'rate', 'zh')).toBe('30.5%');
    expect(formatValue(671406.38, 'money', 'zh')).toBe('¥67.1万');
    expect(formatValue(1234567, 'money', 'en')).toBe('¥1,234,567');
    expect(formatValue(2036.6, 'money', 'zh')).toBe('¥2,037');
    expect(formatValue(12345, 'count', 'en')).toBe('12,345');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatCount(1234.4, 'zh')).toBe('1,234');
  });

  it('puts the sign before ¥ and uses 亿 from 100,000,000 in Chinese', () => {
    expect(formatMoney(-12345, 'zh')).toBe('-¥1.2万');
    expect(formatMoney(-1234, 'en')).toBe('-¥1,234');
    expect(formatMoney(250_000_000, 'zh')).toBe('¥2.5亿');
  });

  it('shows a missing value as —, with its reason when known', () => {
    expect(formatValue(null, 'rate', 'zh', '未统计')).toBe('—（未统计）');
    expect(formatValue(undefined, 'rate', 'en', 'not tracked')).toBe('— (not tracked)');
    expect(formatValue(Number.NaN, 'count', 'en')).toBe('—');
    expect(isFiniteNumber(0) && !isFiniteNumber(null) && !isFiniteNumber(Infinity)).toBe(true);
  });
});
