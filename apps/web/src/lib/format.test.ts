import { describe, expect, it } from 'vitest';
import { formatAxis, formatChange, formatCount, formatMoney, formatMonth, formatMonthShort, formatPercent, formatValue, lastMonths, previousMonth, ragOf } from './format.js';

describe('money', () => {
  it('uses ¥ with thousands separators, and 万/亿 for large sums in Chinese', () => {
    expect(formatMoney(1234.4, 'zh')).toBe('¥1,234');
    expect(formatMoney(9999, 'zh')).toBe('¥9,999');
    expect(formatMoney(123456, 'zh')).toBe('¥12.3万');
    expect(formatMoney(10000, 'zh')).toBe('¥1.0万');
    expect(formatMoney(1234567890, 'zh')).toBe('¥12.3亿');
    expect(formatMoney(-25000, 'zh')).toBe('-¥2.5万');
    expect(formatMoney(123456, 'en')).toBe('¥123,456');
    expect(formatMoney(null, 'zh')).toBe('—');
    expect(formatMoney(Number.NaN, 'en')).toBe('—');
  });
});

describe('percent and counts', () => {
  it('shows shares as % with one decimal', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
  });
  it('rounds counts and separates thousands', () => {
    expect(formatCount(1234.6, 'zh')).toBe('1,235');
    expect(formatCount(undefined, 'en')).toBe('—');
  });
  it('formats by unit, and a missing value with its reason', () => {
    expect(formatValue(0.305, 'rate', 'zh')).toBe('30.5%');
    expect(formatValue(671406.38, 'money', 'zh')).toBe('¥67.1万');
    expect(formatValue(222, 'count', 'en')).toBe('222');
    expect(formatValue(null, 'rate', 'zh', '未统计')).toBe('—（未统计）');
    expect(formatValue(null, 'rate', 'en', 'not tracked')).toBe('— (not tracked)');
    expect(formatValue(null, 'rate', 'en')).toBe('—');
  });
  it('keeps axis labels short', () => {
    expect(formatAxis(0.25, 'rate', 'zh')).toBe('25%');
    expect(formatAxis(25000, 'money', 'zh')).toBe('¥2.5万');
    expect(formatAxis(2500, 'money', 'en')).toBe('¥2.5k');
    expect(formatAxis(800, 'money', 'en')).toBe('¥800');
  });
});

describe('months', () => {
  it('labels months in each language', () => {
    expect(formatMonth('2025-12', 'zh')).toBe('2025年12月');
    expect(formatMonth('2025-03', 'en')).toBe('Mar 2025');
    expect(formatMonth(null, 'zh')).toBe('—');
    expect(formatMonthShort('2025-03', 'zh')).toBe('3月');
    expect(formatMonthShort('2025-03', 'en')).toBe('Mar');
  });
  it('counts months back across years', () => {
    expect(lastMonths('2025-02', 4)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(lastMonths('2025-12', 12)).toHaveLength(12);
    expect(lastMonths('2025-12', 12)[0]).toBe('2025-01');
    expect(previousMonth('2025-01')).toBe('2024-12');
  });
});

describe('change from the previous month', () => {
  it('gives rates in percentage points and the rest relative', () => {
    expect(formatChange(0.25, 0.23, 'rate', 'zh')).toBe('+2.0个百分点');
    expect(formatChange(0.23, 0.25, 'rate', 'en')).toBe('−2.0 pp');
    expect(formatChange(110, 100, 'count', 'zh')).toBe('+10.0%');
    expect(formatChange(2000, 2500, 'money', 'en')).toBe('−20.0%');
    expect(formatChange(5, 5, 'count', 'en')).toBe('±0.0%');
  });
  it('is null when a side is missing or the base is zero', () => {
    expect(formatChange(null, 0.2, 'rate', 'zh')).toBeNull();
    expect(formatChange(3, 0, 'count', 'zh')).toBeNull();
  });
});

describe('red / amber / green', () => {
  it('is green on target, amber within 10% of it, red beyond, in the better direction', () => {
    expect(ragOf(0.3, 0.3, 'higher')).toBe('green');
    expect(ragOf(0.28, 0.3, 'higher')).toBe('amber');
    expect(ragOf(0.26, 0.3, 'higher')).toBe('red');
    expect(ragOf(0.02, 0.03, 'lower')).toBe('green');
    expect(ragOf(0.032, 0.03, 'lower')).toBe('amber');
    expect(ragOf(0.04, 0.03, 'lower')).toBe('red');
    expect(ragOf(null, 0.3, 'higher')).toBeNull();
    expect(ragOf(0.3, null, 'higher')).toBeNull();
  });
});
