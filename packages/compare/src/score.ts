// The scorecard arithmetic, with no database, so every number can be redone by hand:
//   attainment = clip((value − floor) / (target − floor), 0, 1)   (either direction: for "lower is
//                better" the floor lies above the target, so the fraction still grows toward it)
//   points     = weight × attainment;  a null value earns 0 points and is marked "no data"
//   composite  = Σ points (out of 1000); score = composite rounded to 0.1 point
//   band       = the first band (best first) whose min ≤ score
//   rank       = 1 + number of dealers with a higher score (ties share the better rank)

import type { Band, Component, ComponentScore, DealerInfo, Gap } from './types.js';

export function attainment(value: number | null, c: Pick<Component, 'target' | 'floor'>): number | null {
  if (value === null) return null;
  const a = (value - c.floor) / (c.target - c.floor);
  return Math.min(1, Math.max(0, a));
}

export function pointsOf(value: number | null, c: Pick<Component, 'target' | 'floor' | 'weight'>): number {
  const a = attainment(value, c);
  return a === null ? 0 : c.weight * a;
}

/** Half up to 0.1 point. */
export function roundScore(x: number): number {
  return Math.round(x * 10 + 1e-9) / 10;
}

export function bandOf(score: number, bands: readonly Band[]): Band {
  return bands.find((b) => score >= b.min) ?? bands[bands.length - 1]!;
}

/** Competition ranks (1, 2, 2, 4): 1 + the number of strictly higher scores. */
export function ranks(scores: readonly number[]): number[] {
  return scores.map((s) => 1 + scores.filter((o) => o > s).length);
}

/** The middle value, or the mean of the two middle values (DuckDB's quantile_cont(x, 0.5)); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface ScoredDealer extends DealerInfo {
  components: ComponentScore[];
  composite: number;
  score: number;
  band: Band;
  rank: number;
}

/** Values of one dealer: component id → value (a missing id counts as null). */
export type DealerValues = ReadonlyMap<string, number | null>;

/** `warming`: "dealer|component" of null values that are warming up (shown as 数据积累中, still 0 points). */
export function scoreDealers(components: readonly Component[], dealers: readonly DealerInfo[], values: ReadonlyMap<string, DealerValues>, bands: readonly Band[], warming: ReadonlySet<string> = new Set()): ScoredDealer[] {
  const scored = dealers.map((d) => {
    const own = values.get(d.dealer);
    const parts: ComponentScore[] = components.map((c) => {
      const v = own?.get(c.id);
      const value = v === undefined || v === null || !Number.isFinite(v) ? null : v;
      const score: ComponentScore = { id: c.id, value, attainment: attainment(value, c), points: pointsOf(value, c), noData: value === null };
      return value === null && warming.has(`${d.dealer}|${c.id}`) ? { ...score, warming: true } : score;
    });
    const composite = parts.reduce((s, p) => s + p.points, 0);
    const score = roundScore(composite);
    return { ...d, components: parts, composite, score, band: bandOf(score, bands), rank: 0 };
  });
  const r = ranks(scored.map((s) => s.score));
  scored.forEach((s, i) => (s.rank = r[i]!));
  return scored.sort((a, b) => a.rank - b.rank || a.dealer.localeCompare(b.dealer));
}

/** Each component's median over the dealers' non-null values. */
export function medians(components: readonly Component[], scored: readonly ScoredDealer[]): Record<string, number | null> {
  return Object.fromEntries(components.map((c, i) => [c.id, median(scored.map((s) => s.components[i]!.value).filter((v): v is number => v !== null))]));
}

/**
 * Up to `n` components where the dealer loses the most points against the group median:
 * points(median) − points(value) > 0, largest first (ties in the file's order). The gap in units is
 * how much worse than the median the value is (median − value when higher is better, value −
 * median when lower is better); null without a value.
 */
export function biggestGaps(components: readonly Component[], dealer: ScoredDealer, med: Record<string, number | null>, n = 3): Gap[] {
  const gaps: (Gap & { order: number })[] = [];
  components.forEach((c, i) => {
    const m = med[c.id];
    if (m === null || m === undefined) return;
    const part = dealer.components[i]!;
    const points = pointsOf(m, c) - part.points;
    if (points <= 1e-9) return;
    const units = part.value === null ? null : c.better === 'higher' ? m - part.value : part.value - m;
    gaps.push({ id: c.id, value: part.value, median: m, units, points, order: i });
  });
  return gaps.sort((a, b) => b.points - a.points || a.order - b.order).slice(0, n).map(({ order: _order, ...g }) => g);
}
