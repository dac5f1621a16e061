import { describe, expect, it } from 'vitest';
import { rateBarChart, sparkline } from './svg.js';

describe('inline SVG charts', () => {
  it('draws one bar per module, red below the pass line, and the pass line itself', () => {
    const svg = rateBarChart([
      { label: '服务核心流程', rate: 100 / 195, passRate: 0.7 },
      { label: 'DMS & <co>', rate: 0.8, passRate: 0.7 },
      { label: '看板管理', rate: null, passRate: 0.7 },
    ], { title: '得分率', passLabel: '70%' });
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('fill="#d9534f"');
    expect(svg).toContain('fill="#3b7d3b"');
    expect(svg).toContain('51%');
    expect(svg).toContain('DMS &amp; &lt;co&gt;');
    expect(svg).toContain('stroke-dasharray="5 3"');
  });
  it('leaves gaps for null months in a sparkline', () => {
    const svg = sparkline([0.1, 0.2, null, 0.4], { target: 0.3 });
    expect((svg.match(/M/g) ?? []).length).toBe(2);
    expect(svg).toContain('stroke="#c9302c"');
  });
});
