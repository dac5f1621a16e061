import { describe, expect, it } from 'vitest';
import { axisTitle, monthOfDate, trendLegend, unitLabel, warmingRuns } from './axis.js';

describe('month ticks', () => {
  it('carry the year: 2025-01, not Jan', () => {
    expect(monthOfDate(new Date('2025-01-01T00:00:00'))).toBe('2025-01');
    expect(monthOfDate(new Date('2024-12-01T00:00:00'))).toBe('2024-12');
  });
});

describe('axis units', () => {
  it('names the unit of each KPI unit, in the page language', () => {
    expect(unitLabel('rate', 'zh')).toBe('%');
    expect(unitLabel('money', 'zh')).toBe('元');
    expect(unitLabel('money', 'en')).toBe('CNY');
    expect(unitLabel('count', 'zh', 'ro_count')).toBe('台次');
    expect(unitLabel('count', 'en')).toBe('ROs');
    expect(unitLabel('count', 'zh', 'base_customers')).toBe('人');
    expect(unitLabel('count', 'zh', 'repair_days')).toBe('天');
    expect(axisTitle('rate', 'zh')).toBe('单位：%');
    expect(axisTitle('count', 'en')).toBe('Unit: ROs');
  });
});

describe('trend legend', () => {
  it('lists the line, the peer band, the peer median, the target with its value and warming-up months', () => {
    expect(trendLegend({ band: true, median: true, warming: true }, 0.3, 'rate', 'zh')).toEqual([
      { kind: 'line', text: '数值' },
      { kind: 'band', text: '同组 P25–P75' },
      { kind: 'median', text: '同组中位数' },
      { kind: 'target', text: '目标 30.0%' },
      { kind: 'warming', text: '数据积累中' },
    ]);
  });
  it('leaves out what the chart does not draw', () => {
    expect(trendLegend({ band: false, median: false, warming: false }, null, 'count', 'en').map((i) => i.kind)).toEqual(['line']);
    expect(trendLegend({ band: true, median: true, warming: false }, null, 'count', 'en').map((i) => i.text)).toEqual(['Value', 'Peer P25–P75', 'Peer median']);
  });
});

describe('warming-up runs', () => {
  it('groups consecutive warming-up months', () => {
    const p = (month: string, warming: boolean) => ({ month, warming });
    expect(warmingRuns([p('2025-01', true), p('2025-02', true), p('2025-03', false), p('2025-04', true)])).toEqual([['2025-01', '2025-02'], ['2025-04', '2025-04']]);
    expect(warmingRuns([p('2025-01', false)])).toEqual([]);
  });
});
