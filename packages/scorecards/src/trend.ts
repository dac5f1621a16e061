// How a person's scorecards moved: each scorecard's change in score rate against the one
// before it, and the direction of the latest change (history newest first).

export type Trend = 'up' | 'down' | 'flat';

export interface Rated {
  rate: number;
}

/** Rates closer than this (a hundredth of a percentage point) count as unchanged. */
const SAME = 1e-4;

export function trendOf(change: number | null): Trend | null {
  if (change === null) return null;
  return change > SAME ? 'up' : change < -SAME ? 'down' : 'flat';
}

/** Newest first in, the same order out: each entry with `change` = its rate − the next older one's (null for the oldest). */
export function withChanges<T extends Rated>(newestFirst: readonly T[]): (T & { change: number | null; trend: Trend | null })[] {
  return newestFirst.map((e, i) => {
    const older = newestFirst[i + 1];
    const change = older === undefined ? null : Math.round((e.rate - older.rate) * 1e9) / 1e9;
    return { ...e, change, trend: trendOf(change) };
  });
}
