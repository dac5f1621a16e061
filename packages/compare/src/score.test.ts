import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@fixops/metrics';
import { resolveComponents } from './components.js';
import { loadComparison } from './load.js';
import { attainment, bandOf, biggestGaps, median, medians, ranks, roundScore, scoreDealers } from './score.js';
import { HAND_DEALERS, HAND_FILE, HAND_VALUES } from './test-helpers/hand-case.js';
import type { Component } from './types.js';

function handCase() {
  const c = loadComparison(HAND_FILE);
  if (!c.ok) throw new Error(c.error.message.en);
  const components = resolveComponents(c.value, defaultSettings());
  if (!components.ok) throw new Error(components.error.message.en);
  const values = new Map(Object.entries(HAND_VALUES).map(([d, v]) => [d, new Map(Object.entries(v))]));
  const scored = scoreDealers(components.value, HAND_DEALERS, values, c.value.bands);
  return { comparison: c.value, components: components.value, scored };
}

describe('the hand-computed case (see test-helpers/hand-case.ts)', () => {
  it('fills the rework target and floor from the settings: 2% and 2 × 2%', () => {
    const { components } = handCase();
    expect(components.map((c) => [c.id, c.weight, c.target, c.floor, c.better, c.targetSource])).toEqual([
      ['on_time_rate', 500, 0.9, 0.5, 'higher', 'file'],
      ['rework_rate', 300, 0.02, 0.04, 'lower', 'setting'],
      ['booking_rate', 200, 0.4, 0, 'higher', 'file'],
    ]);
  });

  it('gives every component its points, 0 for the null, and ranks the tie together', () => {
    const { scored } = handCase();
    const byDealer = Object.fromEntries(scored.map((s) => [s.dealer, s]));
    const points = (d: string) => byDealer[d]!.components.map((p) => +p.points.toFixed(9));
    expect(points('D1')).toEqual([375, 150, 200]);
    expect(points('D2')).toEqual([500, 0, 200]);
    expect(points('D3')).toEqual([0, 300, 100]);
    expect(byDealer.D3!.components.map((p) => p.noData)).toEqual([true, false, false]);
    expect(points('D4')).toEqual([250, 300, 150]);
    expect(scored.map((s) => [s.dealer, s.score, s.rank, s.band.zh])).toEqual([
      ['D1', 725, 1, '合格'], ['D2', 700, 2, '合格'], ['D4', 700, 2, '合格'], ['D3', 400, 4, '待改进'],
    ]);
    expect(byDealer.D4!.composite).toBeCloseTo(700, 9);
  });

  it('finds each dealer\'s gaps to the group median in points and in units', () => {
    const { components, scored } = handCase();
    const med = medians(components, scored);
    expect(med.on_time_rate).toBeCloseTo(0.8, 12);
    expect(med.rework_rate).toBeCloseTo(0.025, 12);
    expect(med.booking_rate).toBeCloseTo(0.35, 12);
    const gaps = Object.fromEntries(scored.map((s) => [s.dealer, biggestGaps(components, s, med).map((g) => [g.id, +g.points.toFixed(9), g.units === null ? null : +g.units.toFixed(9)])]));
    expect(gaps).toEqual({
      D1: [['rework_rate', 75, 0.005]],
      D2: [['rework_rate', 225, 0.025]],
      D3: [['on_time_rate', 375, null], ['booking_rate', 75, 0.15]],
      D4: [['on_time_rate', 125, 0.1], ['booking_rate', 25, 0.05]],
    });
  });
});

describe('scoring rules', () => {
  const higher: Pick<Component, 'target' | 'floor'> = { target: 0.9, floor: 0.5 };
  const lower: Pick<Component, 'target' | 'floor'> = { target: 0.02, floor: 0.04 };
  it('clips attainment to 0..1 in both directions', () => {
    expect(attainment(0.4, higher)).toBe(0);
    expect(attainment(1, higher)).toBe(1);
    expect(attainment(0.7, higher)).toBeCloseTo(0.5, 12);
    expect(attainment(0.06, lower)).toBe(0);
    expect(attainment(0, lower)).toBe(1);
    expect(attainment(0.03, lower)).toBeCloseTo(0.5, 12);
    expect(attainment(null, lower)).toBeNull();
  });
  it('ranks ties at the better place and rounds half up to 0.1', () => {
    expect(ranks([700, 725, 700, 400])).toEqual([2, 1, 2, 4]);
    expect(ranks([5, 5, 5])).toEqual([1, 1, 1]);
    expect(roundScore(812.35)).toBe(812.4);
    expect(roundScore(699.99999999999989)).toBe(700);
  });
  it('takes the middle value or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('puts a score in the first band whose min it reaches', () => {
    const { comparison } = handCase();
    expect([1000, 900, 899.9, 800, 650, 649.9, 0].map((s) => bandOf(s, comparison.bands).en)).toEqual(['Excellent', 'Excellent', 'Good', 'Good', 'Pass', 'Needs improvement', 'Needs improvement']);
  });
  it('lists at most three gaps, largest first', () => {
    const comps: Component[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, kind: 'kpi', zh: id, en: id, unit: 'rate', better: 'higher', weight: 250, target: 1, floor: 0, targetSource: 'file' }));
    const values = new Map([['X', new Map([['a', 0.9], ['b', 0.5], ['c', 0.7], ['d', 0.6]])], ['Y', new Map([['a', 1], ['b', 1], ['c', 1], ['d', 1]])]]);
    const scored = scoreDealers(comps, [{ dealer: 'X', name: null, region: null, group: 'g' }, { dealer: 'Y', name: null, region: null, group: 'g' }], values, [{ min: 0, zh: 'z', en: 'z', color: '#000000' }]);
    const x = scored.find((s) => s.dealer === 'X')!;
    expect(biggestGaps(comps, x, medians(comps, scored)).map((g) => g.id)).toEqual(['b', 'd', 'c']);
  });
  it('marks a null that is warming up (数据积累中) apart from one without data; both score 0', () => {
    const comps: Component[] = ['base_customers', 'churn_rate'].map((id) => ({ id, kind: 'kpi', zh: id, en: id, unit: 'rate', better: 'higher', weight: 500, target: 1, floor: 0, targetSource: 'file' }));
    const values = new Map([['X', new Map<string, number | null>([['base_customers', null], ['churn_rate', null]])]]);
    const [x] = scoreDealers(comps, [{ dealer: 'X', name: null, region: null, group: 'g' }], values, [{ min: 0, zh: 'z', en: 'z', color: '#000000' }], new Set(['X|churn_rate']));
    expect(x!.components.map((p) => [p.id, p.noData, p.warming ?? false, p.points])).toEqual([['base_customers', true, false, 0], ['churn_rate', true, true, 0]]);
  });
});
