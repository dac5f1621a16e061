// A sparkline's geometry, computed here so it renders on the server as plain SVG: points
// spread evenly across the width, scaled between the series' min and max; null months
// leave a gap (the path starts again after one).

export interface SparkGeometry {
  /** SVG path data; empty when there is no value. */
  d: string;
  /** The last value's point (the dot), when the last month has a value. */
  last: { x: number; y: number } | null;
}

export function sparkGeometry(values: readonly (number | null)[], width: number, height: number, pad = 2): SparkGeometry {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (nums.length === 0) return { d: '', last: null };
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const span = hi - lo;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i / (values.length - 1)) * (width - 2 * pad));
  // A flat series sits in the middle.
  const y = (v: number) => (span === 0 ? height / 2 : height - pad - ((v - lo) / span) * (height - 2 * pad));
  const r = (n: number) => Math.round(n * 10) / 10;
  let d = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      drawing = false;
      return;
    }
    d += `${drawing ? 'L' : 'M'}${r(x(i))} ${r(y(v))}`;
    drawing = true;
  });
  const lastV = values[values.length - 1];
  const last = lastV === null || lastV === undefined || !Number.isFinite(lastV) ? null : { x: r(x(values.length - 1)), y: r(y(lastV)) };
  return { d, last };
}
