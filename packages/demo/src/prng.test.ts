// Seeded PRNG: reproducible, seed-sensitive, weights respected.
import { describe, expect, it } from 'vitest';
import { cumulative, deriveSeed, mulberry32, Rng } from './prng.js';

describe('prng', () => {
  it('same seed gives the same sequence', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  it('different seeds diverge and stay in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    let same = 0;
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      if (x === b()) same++;
    }
    expect(same).toBeLessThan(5);
  });

  it('deriveSeed is stable and label-sensitive', () => {
    expect(deriveSeed(7, 'SH001', 'ro')).toBe(deriveSeed(7, 'SH001', 'ro'));
    expect(deriveSeed(7, 'SH001', 'ro')).not.toBe(deriveSeed(7, 'SH001', 'rp'));
    expect(deriveSeed(7, 'a')).not.toBe(deriveSeed(8, 'a'));
  });

  it('int is inclusive and weightedIndex follows weights', () => {
    const rng = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(rng.int(1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (rng.weightedIndex([1, 9]) === 1) hits++;
    expect(hits / 10_000).toBeGreaterThan(0.85);
    expect(hits / 10_000).toBeLessThan(0.95);
  });

  it('pickCumulative follows weights and never picks a zero weight', () => {
    const rng = new Rng(4);
    const cum = cumulative([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[rng.pickCumulative(cum)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / 8000).toBeGreaterThan(0.7);
    expect(counts[2]! / 8000).toBeLessThan(0.8);
  });
});
