import { describe, expect, it } from 'vitest';
import { valueText as formatValue } from './format.js';
import { flagMessage } from './messages.js';

describe('flag sentences', () => {
  it('target: value, side and target, in both languages', () => {
    expect(flagMessage('booking_rate', 'target', 0.123, { op: '>=', target: 0.3 })).toEqual({
      zh: '预约率 12.3%，低于目标 30.0%', en: 'Booking rate 12.3%, below the 30.0% target',
    });
    expect(flagMessage('rework_rate', 'target', 0.031, { op: '<=', target: 0.02 }).zh).toBe('返修率 3.1%，高于目标上限 2.0%');
  });
  it('trend says whether it is better or worse', () => {
    const m = flagMessage('ro_count', 'trend', 80, { median: 200, mad: 10, z: -8.1, n: 12, direction: 'worse' });
    expect(m.zh).toBe('进厂台次 80，明显低于本店近 12 个月中位数 200（z = -8.1），变差');
    expect(m.en).toContain('far below');
    expect(m.en).toContain('worse');
  });
  it('peer names the group, its size and the bound', () => {
    expect(flagMessage('churn_rate', 'peer', 0.08, { group: 'metro', n: 6, p10: 0.01, p90: 0.05 }).en).toBe(
      'Customer churn rate 8.0%, above the P90 of peer group metro (6 dealers): 5.0%');
  });
  it('not tracked never shows a number', () => {
    expect(flagMessage('on_time_rate', 'not_tracked', null, null).zh).toBe('准时交车率：未做统计（本月缺少计算所需的数据）');
  });
});

describe('formatting', () => {
  it('shows %, ¥ with separators, 万 for large sums in Chinese', () => {
    expect(formatValue(0.1234, 'rate', 'zh')).toBe('12.3%');
    expect(formatValue(1234567, 'money', 'en')).toBe('¥1,234,567');
    expect(formatValue(1234567, 'money', 'zh')).toBe('¥123.5万');
    expect(formatValue(2036.6, 'money', 'zh')).toBe('¥2,037');
    expect(formatValue(12345, 'count', 'en')).toBe('12,345');
    expect(formatValue(null, 'rate', 'zh')).toBe('未统计');
  });
});
