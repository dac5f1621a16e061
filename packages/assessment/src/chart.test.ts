import { describe, expect, it } from 'vitest';
import { rateBarLayout, sparklineShape } from './chart.js';

describe('report chart geometry', () => {
  it('draws one bar per scored module, red below its own pass line, each pass line at its own rate', () => {
    const l = rateBarLayout([
      { label: '服务核心流程', rate: 100 / 195, passRate: 0.7 },
      { label: 'DMS', rate: 0.8, passRate: 0.9 },
      { label: '看板管理', rate: null, passRate: 0.5 },
    ]);
    expect(l.rows.map((r) => r.width !== null)).toEqual([true, true, false]);
    expect(l.rows.map((r) => r.fail)).toEqual([true, true, true]);
    expect(l.rows[0]!.value).toBe('51%');
    // the plot runs from x=190 over 390 px: 0.5 → 385, 0.7 → 463, 0.9 → 541
    expect(l.rows.map((r) => r.passX)).toEqual([463, 541, 385]);
    expect(l.passLabels).toEqual([{ x: 385, rate: 0.5, label: '50%' }, { x: 463, rate: 0.7, label: '70%' }, { x: 541, rate: 0.9, label: '90%' }]);
    expect(rateBarLayout([{ label: 'x', rate: 0.55, passRate: 0.5 }]).rows[0]!.fail).toBe(false);
  });

  it('leaves gaps for null months in a sparkline, and draws the target', () => {
    const s = sparklineShape([0.1, 0.2, null, 0.4], { target: 0.3 });
    expect((s.d.match(/M/g) ?? []).length).toBe(2);
    expect(s.targetY).not.toBeNull();
    expect(s.last).not.toBeNull();
    expect(sparklineShape([null, null]).d).toBe('');
  });
});
