// The geometry of the report's two charts, apart from their markup so that any renderer (the
// Svelte components, in the browser or on the server) draws the same picture: bars of score
// rate per module, each with its own pass line (the seed's 得分曲线图), and small KPI trend lines.

export interface RateBar {
  label: string;
  /** 0..1, or null when the module is not (completely) scored. */
  rate: number | null;
  /** The module's own pass rate, 0..1. */
  passRate: number;
  /** The module is not completely scored: `rate` is over what is scored, drawn apart and never a fail. */
  partial?: boolean;
}

export interface RateBarRow {
  label: string;
  /** Baseline of the row's text. */
  textY: number;
  y: number;
  /** Bar width; null when there is no score to draw. */
  width: number | null;
  fail: boolean;
  partial: boolean;
  value: string;
  valueX: number;
  passRate: number;
  passX: number;
}

export interface RateBarLayout {
  width: number;
  height: number;
  labelW: number;
  barH: number;
  top: number;
  bottom: number;
  rows: RateBarRow[];
  axis: { x: number; label: string }[];
  /** One label per distinct pass rate, above the plot. */
  passLabels: { x: number; rate: number; label: string }[];
}

const LABEL_W = 190;
const BAR_H = 18;
const GAP = 8;
const TOP = 30;

/** Horizontal bars, one per module; the pass line of each bar sits at that module's pass rate. */
export function rateBarLayout(bars: readonly RateBar[], width = 640): RateBarLayout {
  const plotW = width - LABEL_W - 60;
  const height = TOP + bars.length * (BAR_H + GAP) + 24;
  const x = (r: number) => LABEL_W + Math.max(0, Math.min(1, r)) * plotW;
  const rows = bars.map((b, i): RateBarRow => {
    const y = TOP + i * (BAR_H + GAP);
    const partial = b.partial === true;
    const fail = !partial && (b.rate === null || b.rate < b.passRate);
    return {
      label: b.label, y, textY: y + BAR_H - 5, fail, partial, passRate: b.passRate, passX: round(x(b.passRate)),
      width: b.rate === null ? null : round(x(b.rate) - LABEL_W),
      value: b.rate === null ? '—' : `${(b.rate * 100).toFixed(0)}%`,
      valueX: round((b.rate === null ? LABEL_W : x(b.rate)) + 6),
    };
  });
  const rates = [...new Set(bars.map((b) => b.passRate))].sort((a, b) => a - b);
  return {
    width, height, labelW: LABEL_W, barH: BAR_H, top: TOP, bottom: height - 20, rows,
    axis: [0, 0.25, 0.5, 0.75, 1].map((t) => ({ x: x(t), label: `${t * 100}%` })),
    passLabels: rates.map((rate) => ({ x: round(x(rate)), rate, label: `${round(rate * 100)}%` })),
  };
}

export interface SparklineShape {
  width: number;
  height: number;
  /** SVG path; empty when there is no value at all. */
  d: string;
  /** y of the target line, when there is a target. */
  targetY: number | null;
  /** The last month's point, when it has a value. */
  last: { x: number; y: number } | null;
}

/** A small line of a KPI over months; null months leave a gap. */
export function sparklineShape(values: readonly (number | null)[], opts: { width?: number; height?: number; target?: number | null } = {}): SparklineShape {
  const w = opts.width ?? 160;
  const h = opts.height ?? 36;
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length === 0) return { width: w, height: h, d: '', targetY: null, last: null };
  const target = opts.target ?? null;
  const all = target === null ? nums : [...nums, target];
  const lo = Math.min(...all);
  const span = Math.max(...all) - lo || 1;
  const px = (i: number) => (values.length === 1 ? w / 2 : (i / (values.length - 1)) * (w - 4) + 2);
  const py = (v: number) => h - 3 - ((v - lo) / span) * (h - 6);
  let d = '';
  values.forEach((v, i) => {
    if (v === null) return;
    d += `${d === '' || values[i - 1] === null ? 'M' : 'L'}${px(i).toFixed(1)} ${py(v).toFixed(1)} `;
  });
  const lastValue = values[values.length - 1];
  return {
    width: w, height: h, d: d.trim(),
    targetY: target === null ? null : round(py(target)),
    last: lastValue === null || lastValue === undefined ? null : { x: round(px(values.length - 1)), y: round(py(lastValue)) },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
