import { describe, expect, it } from 'vitest';
import { add, cmp, div, exactSum, mul, rational, sum, toNumber } from './rational.js';

describe('rational', () => {
  it('reads decimals exactly as printed', () => {
    expect(rational(0.7)).toEqual({ n: 7n, d: 10n });
    expect(rational(74.99)).toEqual({ n: 7499n, d: 100n });
    expect(rational(-2.5)).toEqual({ n: -5n, d: 2n });
    expect(rational(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(rational(1.5e-7)).toEqual({ n: 3n, d: 20_000_000n });
    expect(() => rational(Number.NaN)).toThrow();
    expect(() => rational(Number.POSITIVE_INFINITY)).toThrow();
  });

  it('computes the 70% pass lines exactly where floats do not', () => {
    expect(0.7 * 330).not.toBe(231);
    expect(mul(rational(0.7), rational(330))).toEqual({ n: 231n, d: 1n });
    expect(mul(rational(0.7), rational(290))).toEqual({ n: 203n, d: 1n });
    expect(cmp(rational(231), mul(rational(0.7), rational(330)))).toBe(0);
    expect(cmp(rational(230.99), mul(rational(0.7), rational(330)))).toBe(-1);
  });

  it('adds, divides and converts back without drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(toNumber(add(rational(0.1), rational(0.2)))).toBe(0.3);
    expect(toNumber(div(rational(100), rational(195)))).toBe(100 / 195);
    expect(toNumber(div(rational(-1), rational(3)))).toBe(-1 / 3);
    expect(toNumber(sum([195, 62, 28, 11, 24, 10]))).toBe(330);
  });
});
