// Planted bad rows: few, well under the 5% refusal threshold, of every kind.
import { describe, expect, it } from 'vitest';
import { badRowCount, pickBookingDefects, pickRoDefects } from './defects.js';
import { Rng } from './prng.js';

describe('defects', () => {
  it('stays well under 5%', () => {
    const rng = new Rng(1);
    for (const rows of [40, 99, 100, 500, 5000, 50000]) {
      const n = badRowCount(rng, rows);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n / rows).toBeLessThan(0.05);
    }
    expect(badRowCount(rng, 39)).toBe(0);
  });

  it('rotates defect kinds and avoids the given rows', () => {
    const d = pickRoDefects(new Rng(5), 5000, new Set([0, 1, 2]));
    expect(new Set(d.values())).toEqual(new Set(['bad_date', 'bad_amount', 'missing_vin']));
    for (const i of [0, 1, 2]) expect(d.has(i)).toBe(false);
    expect(pickBookingDefects(new Rng(5), 10).size).toBe(0);
    expect(pickBookingDefects(new Rng(5), 500).size).toBeGreaterThan(0);
  });
});
