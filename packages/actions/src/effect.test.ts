// The coaching effect worked by hand: a booking rate that rises after an action while the peers
// stay flat, one that stays flat, one that drops; the windows, the group medians and the MAD.

import { describe, expect, it } from 'vitest';
import { effectWindows, groupMedians, kpiEffect, mad, median, moduleEffect, verdictOf, type Series } from './effect.js';

// Action created 2025-07-15, due 2025-08-31.
// before window: 2025-04, 2025-05, 2025-06; after window: 2025-09, 2025-10, 2025-11; history: 2024-07 .. 2025-06.
const CREATED = '2025-07-15';
const DUE = '2025-08-31';

// The dealer's booking rate over the 12 months before the action:
// sorted 0.37 0.38 0.39 0.39 0.40 0.40 0.40 0.40 0.41 0.41 0.42 0.43 → M = 0.40;
// |x − 0.40| sorted 0 0 0 0 .01 .01 .01 .01 .02 .02 .03 .03 → MAD = 0.01, σ = 0.01 / 0.6745 = 0.014826.
const HISTORY: Record<string, number> = {
  '2024-07': 0.40, '2024-08': 0.42, '2024-09': 0.38, '2024-10': 0.41, '2024-11': 0.39, '2024-12': 0.40,
  '2025-01': 0.43, '2025-02': 0.37, '2025-03': 0.40, '2025-04': 0.41, '2025-05': 0.39, '2025-06': 0.40,
  // the action's own months (not in any window)
  '2025-07': 0.45, '2025-08': 0.50,
};
// Three peers; the median of the three each month: before 0.35, 0.36, 0.34 (mean 0.35), after 0.36, 0.35, 0.37 (mean 0.36).
const PEERS: Series[] = [
  { '2025-04': 0.30, '2025-05': 0.30, '2025-06': 0.30, '2025-09': 0.30, '2025-10': 0.30, '2025-11': 0.30 },
  { '2025-04': 0.35, '2025-05': 0.36, '2025-06': 0.34, '2025-09': 0.36, '2025-10': 0.35, '2025-11': 0.37 },
  { '2025-04': 0.50, '2025-05': 0.50, '2025-06': 0.50, '2025-09': 0.50, '2025-10': 0.50, '2025-11': 0.50 },
];
const dealerWith = (after: [number, number, number]): Series => ({ ...HISTORY, '2025-09': after[0], '2025-10': after[1], '2025-11': after[2] });

describe('effect windows and statistics', () => {
  it('before = the 3 months before the creation month, after = the 3 after the due month, history = 12 before creation', () => {
    const w = effectWindows(CREATED, DUE);
    expect(w.before).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(w.after).toEqual(['2025-09', '2025-10', '2025-11']);
    expect(w.history[0]).toBe('2024-07');
    expect(w.history.at(-1)).toBe('2025-06');
    expect(w.history).toHaveLength(12);
    expect(effectWindows('2026-01-02', '2026-01-31').before).toEqual(['2025-10', '2025-11', '2025-12']);
  });

  it('median, MAD, group medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(mad(Object.values(HISTORY).slice(0, 12))).toBeCloseTo(0.01, 12);
    expect(groupMedians(PEERS, ['2025-04', '2025-05', '2025-12'])).toEqual({ '2025-04': 0.35, '2025-05': 0.36 });
    expect(groupMedians([{ a: 1 }, { '2025-01': 0.2 }, { '2025-01': 0.4 }], ['2025-01'])['2025-01']).toBeCloseTo(0.3, 12);
  });

  it('the verdict respects the KPI\'s better direction and the noise σ = MAD / 0.6745', () => {
    // σ = 0.01 / 0.6745 = 0.014826
    expect(verdictOf(0.015, 0.01, 'higher')).toBe('improved');
    expect(verdictOf(0.014, 0.01, 'higher')).toBe('unchanged');
    expect(verdictOf(-0.015, 0.01, 'higher')).toBe('worse');
    expect(verdictOf(-0.015, 0.01, 'lower')).toBe('improved');
    expect(verdictOf(0.015, 0.01, 'lower')).toBe('worse');
    expect(verdictOf(0.001, 0, 'higher')).toBe('improved');
    expect(verdictOf(0, 0, 'higher')).toBe('unchanged');
  });
});

describe('kpiEffect', () => {
  it('a booking rate that rises while the peers stay flat: 改善明显', () => {
    const e = kpiEffect({ better: 'higher', created: CREATED, due: DUE, dealer: dealerWith([0.52, 0.55, 0.58]), peers: PEERS });
    expect(e.beforeMonths).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(e.afterMonths).toEqual(['2025-09', '2025-10', '2025-11']);
    expect(e.dealerBefore).toBeCloseTo(0.40, 12); // (0.41 + 0.39 + 0.40) / 3
    expect(e.dealerAfter).toBeCloseTo(0.55, 12); // (0.52 + 0.55 + 0.58) / 3
    expect(e.dealerChange).toBeCloseTo(0.15, 12);
    expect(e.groupBefore).toBeCloseTo(0.35, 12); // (0.35 + 0.36 + 0.34) / 3
    expect(e.groupAfter).toBeCloseTo(0.36, 12); // (0.36 + 0.35 + 0.37) / 3
    expect(e.groupChange).toBeCloseTo(0.01, 12);
    expect(e.did).toBeCloseTo(0.14, 12); // 0.15 − 0.01
    expect(e.historyMonths).toBe(12);
    expect(e.mad).toBeCloseTo(0.01, 12);
    expect(e.noise).toBeCloseTo(0.014826, 6);
    expect(e.z).toBeCloseTo(9.443, 3); // 0.6745 × 0.14 / 0.01
    expect(e.verdict).toBe('improved');
    expect(e.reason).toBeNull();
  });

  it('a flat booking rate: 无明显变化', () => {
    const e = kpiEffect({ better: 'higher', created: CREATED, due: DUE, dealer: dealerWith([0.40, 0.41, 0.39]), peers: PEERS });
    expect(e.dealerAfter).toBeCloseTo(0.40, 12);
    expect(e.dealerChange).toBeCloseTo(0, 12);
    expect(e.did).toBeCloseTo(-0.01, 12); // 0 − 0.01
    expect(e.z).toBeCloseTo(-0.6745, 4);
    expect(e.verdict).toBe('unchanged');
  });

  it('a drop: 变差; the same drop of a lower-is-better KPI: 改善明显', () => {
    const dealer = dealerWith([0.30, 0.31, 0.29]);
    const e = kpiEffect({ better: 'higher', created: CREATED, due: DUE, dealer, peers: PEERS });
    expect(e.dealerAfter).toBeCloseTo(0.30, 12);
    expect(e.dealerChange).toBeCloseTo(-0.10, 12);
    expect(e.did).toBeCloseTo(-0.11, 12);
    expect(e.z).toBeCloseTo(-7.4195, 4); // 0.6745 × −0.11 / 0.01
    expect(e.verdict).toBe('worse');
    expect(kpiEffect({ better: 'lower', created: CREATED, due: DUE, dealer, peers: PEERS }).verdict).toBe('improved');
  });

  it('uses as many months as exist: one after month', () => {
    const dealer = { ...HISTORY, '2025-09': 0.60 };
    const e = kpiEffect({ better: 'higher', created: CREATED, due: DUE, dealer, peers: PEERS });
    expect(e.afterMonths).toEqual(['2025-09']);
    expect(e.dealerAfter).toBeCloseTo(0.60, 12);
    expect(e.groupAfter).toBeCloseTo(0.36, 12); // only 2025-09's median
    expect(e.did).toBeCloseTo(0.20 - 0.01, 12);
    expect(e.verdict).toBe('improved');
  });

  it('数据不足 without after months, without before months, without peers, with a short history', () => {
    expect(kpiEffect({ better: 'higher', created: CREATED, due: DUE, dealer: HISTORY, peers: PEERS })).toMatchObject({ verdict: 'insufficient', reason: 'no_after', dealerAfter: null, did: null });
    const noBefore = { '2025-09': 0.5 };
    expect(kpiEffect({ better: 'higher', created: CREATED, due: DUE, dealer: noBefore, peers: PEERS })).toMatchObject({ verdict: 'insufficient', reason: 'no_before' });
    expect(kpiEffect({ better: 'higher', created: CREATED, due: DUE, dealer: dealerWith([0.5, 0.5, 0.5]), peers: [] })).toMatchObject({ verdict: 'insufficient', reason: 'no_peers', groupBefore: null });
    const short = { '2025-04': 0.4, '2025-05': 0.4, '2025-06': 0.4, '2025-09': 0.6 };
    const e = kpiEffect({ better: 'higher', created: CREATED, due: DUE, dealer: short, peers: PEERS });
    expect(e).toMatchObject({ verdict: 'insufficient', reason: 'short_history', historyMonths: 3, mad: null });
    expect(e.did).toBeCloseTo(0.2 - 0.01, 12); // the numbers are still shown
  });
});

describe('moduleEffect', () => {
  const visits = [
    { date: '2025-03-10', rate: 0.5 },
    { date: '2025-07-15', rate: 0.55 },
    { date: '2025-09-01', rate: null },
    { date: '2025-10-20', rate: 0.8 },
    { date: '2025-12-01', rate: 0.9 },
  ];
  it('the visit on or before the creation day against the next scored visit after it', () => {
    const e = moduleEffect(visits, '2025-07-15');
    expect(e.before).toEqual({ date: '2025-07-15', rate: 0.55 });
    expect(e.after).toEqual({ date: '2025-10-20', rate: 0.8 });
    expect(e.change).toBeCloseTo(0.25, 12);
    expect(e.verdict).toBe('improved');
    expect(moduleEffect([{ date: '2025-01-01', rate: 0.7 }, { date: '2025-02-01', rate: 0.6 }], '2025-01-05')).toMatchObject({ verdict: 'worse' });
    expect(moduleEffect([{ date: '2025-01-01', rate: 0.7 }, { date: '2025-02-01', rate: 0.7 }], '2025-01-05')).toMatchObject({ verdict: 'unchanged', change: 0 });
  });
  it('数据不足 before the next visit', () => {
    expect(moduleEffect(visits, '2025-12-02')).toMatchObject({ verdict: 'insufficient', reason: 'no_after', change: null });
    expect(moduleEffect(visits, '2025-01-01')).toMatchObject({ verdict: 'insufficient', reason: 'no_before' });
  });
});
