// Dealer roster: codes, regions, groups and style assignment for default and scale networks.
import { describe, expect, it } from 'vitest';
import { buildRoster } from './roster.js';

describe('roster', () => {
  it('default twelve: 3 regions, 2 groups of 6, every style on ≥2 dealers', () => {
    const d = buildRoster(12, false);
    expect(d.map((x) => x.code).slice(0, 3)).toEqual(['SH001', 'BJ002', 'GZ003']);
    expect(new Set(d.map((x) => x.region))).toEqual(new Set(['华东', '华北', '华南']));
    expect(d.filter((x) => x.group === 'metro')).toHaveLength(6);
    expect(d.filter((x) => x.group === 'city')).toHaveLength(6);
    for (const s of ['A', 'B', 'C', 'D', 'E']) expect(d.filter((x) => x.style === s).length).toBeGreaterThanOrEqual(2);
    expect(d[0]?.name).toMatch(/^上海.{2}汽车销售服务有限公司$/);
  });

  it('300 dealers: unique codes and names, plain style', () => {
    const d = buildRoster(300, true);
    expect(new Set(d.map((x) => x.code)).size).toBe(300);
    expect(new Set(d.map((x) => x.name)).size).toBe(300);
    expect(d.every((x) => x.style === 'plain')).toBe(true);
  });
});
