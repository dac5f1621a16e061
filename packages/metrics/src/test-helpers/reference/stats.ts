// Median and continuous percentile, written to match DuckDB's median / quantile_cont on
// DOUBLE values: position RN = (n - 1) * q on the ascending values, lo = v[floor(RN)],
// hi = v[ceil(RN)], d = RN - floor(RN), result lo * (1 - d) + hi * d.

/** quantile_cont of already ascending-sorted values. Throws on an empty list. */
export function percentileCont(sorted: number[], q: number): number {
  if (sorted.length === 0) throw new Error('percentileCont of no values');
  const position = (sorted.length - 1) * q;
  const lowIndex = Math.floor(position);
  const highIndex = Math.ceil(position);
  const lo = sorted[lowIndex];
  const hi = sorted[highIndex];
  if (lo === undefined || hi === undefined) throw new Error(`quantile ${q} out of range`);
  if (lowIndex === highIndex) return lo;
  const d = position - lowIndex;
  return lo * (1 - d) + hi * d;
}

/** Median; for an even count the mean of the two middle values. Throws on an empty list. */
export function median(xs: number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[mid - 1] as number;
  return (lower + upper) / 2;
}
