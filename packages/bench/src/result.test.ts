import { describe, expect, it } from 'vitest';
import { checkBenchResult, figure, verdict, type BenchResult } from './result.js';

describe('figure', () => {
  it('spreads the rounds and the per-round ratios to its baseline', () => {
    const f = figure('full', 'full recompute', 'ms', [300, 100, 200], { baseline: { id: 'scan', values: [10, 10, 5] }, target: { text: '≤ 10×', on: 'ratio', max: 10 } });
    expect(f).toMatchObject({ min: 100, median: 200, max: 300, baseline: 'scan', ratio: { min: 10, median: 30, max: 40 } });
  });
  it('refuses a baseline with a different number of rounds', () => {
    expect(() => figure('x', 'x', 'ms', [1, 2], { baseline: { id: 'b', values: [1] } })).toThrow(/baseline values/);
  });
});

describe('verdict', () => {
  const f = (median: number, ratio?: number) => ({ id: 'x', label: 'x', unit: 'ms', min: median, median, max: median, ...(ratio === undefined ? {} : { ratio: { min: ratio, median: ratio, max: ratio } }) });
  it('judges the median against max and min', () => {
    expect(verdict({ ...f(19), target: { text: '< 20 ms', max: 20 } })).toBe('pass');
    expect(verdict({ ...f(21), target: { text: '< 20 ms', max: 20 } })).toBe('miss');
    expect(verdict({ ...f(900), target: { text: '≥ 1000 rows/s', min: 1000 } })).toBe('miss');
  });
  it('judges the median ratio when the target is on the ratio', () => {
    expect(verdict({ ...f(5000, 30.7), target: { text: '≤ 10×', on: 'ratio', max: 10 } })).toBe('miss');
    expect(verdict({ ...f(5000, 2.2), target: { text: '≤ 2.5×', on: 'ratio', max: 2.5 } })).toBe('pass');
  });
  it('leaves figures without a measurable target unjudged', () => {
    expect(verdict(f(1))).toBe('unjudged');
    expect(verdict({ ...f(1), target: { text: 'as small as possible' } })).toBe('unjudged');
    expect(verdict({ ...f(1), target: { text: '≤ 2×', on: 'ratio', max: 2 } })).toBe('unjudged');
  });
});

describe('checkBenchResult', () => {
  const good: BenchResult = { name: 'kpis', title: 'KPI engine', command: 'pnpm bench:kpis', date: '2026-11-27T07:00:00.000Z', rounds: 3, quick: false, figures: [figure('scan', '(s) scan', 'ms', [1, 2, 3])] };
  it('accepts the documented shape, also after a JSON round trip', () => {
    expect(checkBenchResult(JSON.parse(JSON.stringify(good)))).toEqual({ ok: true, value: good });
  });
  it('names what is wrong', () => {
    expect(checkBenchResult(null)).toEqual({ ok: false, problem: 'not a JSON object' });
    expect(checkBenchResult({ ...good, rounds: '3' })).toEqual({ ok: false, problem: '"rounds" must be a number' });
    expect(checkBenchResult({ ...good, figures: [{ ...good.figures[0], median: null }] })).toEqual({ ok: false, problem: 'figures[0] needs numbers min, median and max' });
    expect(checkBenchResult({ ...good, figures: [{ ...good.figures[0], target: { text: 'x', on: 'mean' } }] })).toEqual({ ok: false, problem: 'figures[0].target.on must be "value" or "ratio"' });
  });
});
