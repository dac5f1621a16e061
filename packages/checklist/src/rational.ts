// Exact arithmetic on the decimals written in templates and score sheets, so 0.7 × 330 is 231 and sums never drift.

/** A fraction n/d in lowest terms with d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

/**
 * The decimal a finite number prints as, exactly: 0.1 → 1/10, 74.99 → 7499/100.
 * (JavaScript prints the shortest decimal that reads back to the same double, which is
 * what the author of a YAML or JSON file typed.)
 */
export function rational(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (m === null) throw new RangeError(`unexpected number format: ${x}`);
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = m[3] ?? '';
  const exp = BigInt(m[4] ?? '0') - BigInt(frac.length);
  const digits = sign * BigInt(`${m[2] ?? '0'}${frac}`);
  return exp >= 0n ? make(digits * 10n ** exp, 1n) : make(digits, 10n ** -exp);
}

export const ZERO: Rational = { n: 0n, d: 1n };

export function add(a: Rational, b: Rational): Rational {
  return make(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return make(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  return make(a.n * b.d, a.d * b.n);
}

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function sum(xs: readonly number[]): Rational {
  return xs.reduce<Rational>((acc, x) => add(acc, rational(x)), ZERO);
}

/** The double nearest to the fraction (exact whenever the fraction is a short decimal). */
export function toNumber(r: Rational): number {
  if (r.d === 1n) return Number(r.n);
  // Divide with enough digits that the rounding to a double is the correct one.
  const neg = r.n < 0n;
  const n = neg ? -r.n : r.n;
  const whole = n / r.d;
  let rem = n % r.d;
  let digits = '';
  for (let i = 0; i < 40 && rem !== 0n; i++) {
    rem *= 10n;
    digits += String(rem / r.d);
    rem %= r.d;
  }
  const value = Number(`${whole}.${digits || '0'}`);
  return neg ? -value : value;
}

/** Sum of numbers as a number, without float drift (0.1 + 0.2 → 0.3). */
export function exactSum(xs: readonly number[]): number {
  return toNumber(sum(xs));
}
