// Figures over several rounds: min / median / max, per-round ratios to a baseline measured in
// the same round, and how a cost grows with size (a fitted line and a growth exponent).

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spread of no values');
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError(`spread of a value that is not a finite number: ${values.join(', ')}`);
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { min: s[0]!, median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, max: s.at(-1)! };
}

/** values[i] / baseline[i]: each round against the baseline of the same round, so machine noise hits both sides. */
export function ratios(values: readonly number[], baseline: readonly number[]): number[] {
  if (values.length !== baseline.length) throw new RangeError(`ratios need one baseline per round: ${values.length} values, ${baseline.length} baselines`);
  return values.map((v, i) => {
    const b = baseline[i]!;
    if (b === 0) throw new RangeError(`baseline of round ${i + 1} is 0`);
    return v / b;
  });
}

export interface Line {
  slope: number;
  intercept: number;
  /** Coefficient of determination, 1 = the points lie on the line. */
  r2: number;
}

/** Least-squares line y = slope·x + intercept. */
export function fitLine(xs: readonly number[], ys: readonly number[]): Line {
  if (xs.length !== ys.length || xs.length < 2) throw new RangeError(`a line needs at least two (x, y) pairs, got ${xs.length} x and ${ys.length} y`);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new RangeError('a line needs at least two different x');
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

/**
 * b in y ≈ a·x^b, fitted on logarithms: 1 = linear growth, < 1 = fixed costs still weigh,
 * > 1 = superlinear (each added dealer costs more than the last).
 */
export function growthExponent(xs: readonly number[], ys: readonly number[]): number {
  if (ys.some((y) => y <= 0) || xs.some((x) => x <= 0)) throw new RangeError('growth exponent needs positive sizes and costs');
  return fitLine(xs.map(Math.log), ys.map(Math.log)).slope;
}

export function describeGrowth(exponent: number): { zh: string; en: string } {
  if (exponent > 1.15) return { zh: '超线性', en: 'superlinear' };
  if (exponent < 0.85) return { zh: '次线性（固定开销占比仍大）', en: 'sublinear (fixed costs still weigh)' };
  return { zh: '近似线性', en: 'about linear' };
}
