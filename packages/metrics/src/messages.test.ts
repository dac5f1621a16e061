import { describe, expect, it } from 'vitest';
import { valueText as formatValue } from './format.js';
import { flagDetail, flagMessage } from './messages.js';

describe('flag sentences', () => {
  it('target: value, side and target, in both languages', () => {
    expect(flagMessage('booking_rate', 'target', 0.123, { op: '>=', target: 0.3 })).toEqual({
      zh: '预约率 12.3%，低于目标 30.0%', en: 'Booking rate 12.3%, below the 30.0% target',
    });
    expect(flagMessage('rework_rate', 'target', 0.031, { op: '<=', target: 0.02 }).zh).toBe('返修率 3.1%，高于目标上限 2.0%');
  });
  it('trend says whether it is better or worse', () => {
    const m = flagMessage('ro_count', 'trend', 80, { median: 200, mad: 10, z: -8.1, n: 12, direction: 'worse' });
    expect(m.zh).toBe('进厂台次 80，远低于自身近12个月水平，变差');
    expect(m.en).toBe('Repair orders 80, far below its own last 12 months: worse');
    // the statistics go into the detail line, never into the sentence
    expect(flagDetail('ro_count', 'trend', { median: 200, mad: 10, z: -8.1, n: 12, direction: 'worse' })).toEqual({
      zh: '近 12 个月中位数 200，z = -8.1', en: '12-month median 200, z = -8.1',
    });
  });
  it('peer: a plain sentence; the detail names the group, its size and the bound', () => {
    const ref = { group: 'metro', n: 6, p10: 0.01, p90: 0.05 };
    expect(flagMessage('churn_rate', 'peer', 0.08, ref)).toEqual({
      zh: '客户流失率 8.0%，高于同组绝大多数经销商', en: 'Customer churn rate 8.0%, higher than almost every dealer in its peer group',
    });
    expect(flagDetail('churn_rate', 'peer', ref)?.en).toBe('peer group metro (6 dealers) P90 5.0%');
    expect(flagDetail('booking_rate', 'peer', { group: 'city', n: 5, p10: 0.2, p90: 0.5 })?.zh).toBe('同组 city（5 家）P10 20.0%');
  });
  it('no jargon in any sentence: z, P10, P90 and medians only in the detail line', () => {
    for (const kind of ['target', 'trend', 'peer', 'not_tracked'] as const) {
      const m = flagMessage('booking_rate', kind, 0.1, { op: '>=', target: 0.3, median: 0.3, z: -5, n: 6, group: 'metro', p10: 0.2, p90: 0.5, direction: 'worse' });
      for (const text of [m.zh, m.en]) expect(text).not.toMatch(/z =|P10|P90|中位数|median/);
    }
    expect(flagDetail('booking_rate', 'target', { op: '>=', target: 0.3 })).toBeNull();
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
