import { describe, expect, it } from 'vitest';
import { describeGrowth, fitLine, growthExponent, ratios, spread } from './stats.js';

describe('spread', () => {
  it('gives min, median and max of an odd number of rounds', () => {
    expect(spread([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5 });
  });
  it('takes the mean of the two middle values for an even number', () => {
    expect(spread([4, 1, 3, 10])).toEqual({ min: 1, median: 3.5, max: 10 });
  });
  it('of one round is that round three times', () => {
    expect(spread([7])).toEqual({ min: 7, median: 7, max: 7 });
  });
  it('refuses no values and values that are not numbers', () => {
    expect(() => spread([])).toThrow(/no values/);
    expect(() => spread([1, Number.NaN])).toThrow(/finite/);
  });
  it('does not reorder the caller\'s list', () => {
    const xs = [3, 1, 2];
    spread(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('ratios', () => {
  it('divides each round by the baseline of the same round', () => {
    expect(ratios([10, 30, 20], [5, 10, 10])).toEqual([2, 3, 2]);
    expect(spread(ratios([10, 30, 20], [5, 10, 10]))).toEqual({ min: 2, median: 2, max: 3 });
  });
  it('refuses rounds without a baseline and a zero baseline', () => {
    expect(() => ratios([1, 2], [1])).toThrow(/one baseline per round/);
    expect(() => ratios([1], [0])).toThrow(/round 1 is 0/);
  });
});

describe('fitLine and growthExponent', () => {
  it('recovers an exact line', () => {
    const l = fitLine([50, 150, 300], [1100, 3100, 6100]);
    expect(l.slope).toBeCloseTo(20, 10);
    expect(l.intercept).toBeCloseTo(100, 10);
    expect(l.r2).toBeCloseTo(1, 10);
  });
  it('r² drops for points off the line', () => {
    expect(fitLine([1, 2, 3], [1, 3, 2]).r2).toBeCloseTo(0.25, 10);
  });
  it('refuses one point or a single x', () => {
    expect(() => fitLine([1], [1])).toThrow(/two/);
    expect(() => fitLine([2, 2], [1, 3])).toThrow(/different x/);
  });
  it('gives exponent 1 for linear, 2 for quadratic growth', () => {
    expect(growthExponent([50, 150, 300], [5, 15, 30])).toBeCloseTo(1, 10);
    expect(growthExponent([50, 150, 300], [2500, 22500, 90000])).toBeCloseTo(2, 10);
    expect(describeGrowth(1.02).en).toBe('about linear');
    expect(describeGrowth(1.4).en).toBe('superlinear');
    expect(describeGrowth(0.6).en).toMatch(/sublinear/);
  });
  it('refuses costs of zero', () => {
    expect(() => growthExponent([1, 2], [0, 1])).toThrow(/positive/);
  });
});
