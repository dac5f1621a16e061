// The machine-readable result of one benchmark script: bench-out/<name>.json.
//
// Every `scripts/bench-<name>.ts` writes one of these next to its section of the docs, so
// `pnpm bench` can put all figures of one run in a summary table. Shape (JSON):
//
// {
//   "name": "kpis",                       // the script's name: scripts/bench-kpis.ts
//   "title": "KPI engine",                // heading of its section in the docs
//   "command": "pnpm bench:kpis",         // how to run it alone
//   "date": "2026-11-27T07:12:03.000Z",   // when it finished (ISO 8601)
//   "rounds": 3,                          // rounds behind each min/median/max
//   "quick": false,                       // BENCH_QUICK=1 (small sizes, numbers not comparable)
//   "figures": [
//     { "id": "full",                     // unique within the script
//       "label": "full recompute: every KPI and flag",
//       "unit": "ms",                     // ms, s, MiB, MB, rows/s, req/s, ×, %…
//       "min": 4499, "median": 4521, "max": 4595,          // over the rounds
//       "baseline": "scan",               // optional: id of the figure it is compared with
//       "ratio": { "min": 30.6, "median": 30.7, "max": 31.0 }, // optional: per-round value / baseline
//       "target": { "text": "≤ 10× (aim)", "on": "ratio", "max": 10 } // optional: what passes
//     } ]
// }
//
// A target passes when its measure (the median value, or the median ratio with "on": "ratio")
// is ≤ "max" and ≥ "min" (either may be left out). A target with only "text" is shown but not judged.

import { spread, type Spread } from './stats.js';

export interface Target {
  text: string;
  on?: 'value' | 'ratio';
  max?: number;
  min?: number;
}

export interface BenchFigure extends Spread {
  id: string;
  label: string;
  unit: string;
  baseline?: string;
  ratio?: Spread;
  target?: Target;
}

export interface BenchResult {
  name: string;
  title: string;
  command: string;
  date: string;
  rounds: number;
  quick: boolean;
  figures: BenchFigure[];
}

export type Verdict = 'pass' | 'miss' | 'unjudged';

export function verdict(f: BenchFigure): Verdict {
  const t = f.target;
  if (!t || (t.max === undefined && t.min === undefined)) return 'unjudged';
  const measure = t.on === 'ratio' ? f.ratio?.median : f.median;
  if (measure === undefined) return 'unjudged';
  if (t.max !== undefined && measure > t.max) return 'miss';
  if (t.min !== undefined && measure < t.min) return 'miss';
  return 'pass';
}

/** A figure from its values over the rounds (and, for a ratio, the baseline's values of the same rounds). */
export function figure(
  id: string, label: string, unit: string, values: readonly number[],
  extra: { baseline?: { id: string; values: readonly number[] }; target?: Target } = {},
): BenchFigure {
  const f: BenchFigure = { id, label, unit, ...spread(values) };
  if (extra.baseline) {
    if (extra.baseline.values.length !== values.length) throw new RangeError(`${id}: ${values.length} values but ${extra.baseline.values.length} baseline values`);
    f.baseline = extra.baseline.id;
    f.ratio = spread(values.map((v, i) => v / extra.baseline!.values[i]!));
  }
  if (extra.target) f.target = extra.target;
  return f;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isSpread = (v: unknown): v is Spread => typeof v === 'object' && v !== null && isNum((v as Spread).min) && isNum((v as Spread).median) && isNum((v as Spread).max);

/** Checks a parsed bench-out file; the problem as text when it does not have the shape above. */
export function checkBenchResult(value: unknown): { ok: true; value: BenchResult } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, problem: 'not a JSON object' };
  const r = value as Record<string, unknown>;
  for (const key of ['name', 'title', 'command', 'date'] as const) if (!isStr(r[key])) return { ok: false, problem: `"${key}" must be a string` };
  if (!isNum(r.rounds)) return { ok: false, problem: '"rounds" must be a number' };
  if (typeof r.quick !== 'boolean') return { ok: false, problem: '"quick" must be true or false' };
  if (!Array.isArray(r.figures)) return { ok: false, problem: '"figures" must be a list' };
  for (const [i, f] of r.figures.entries()) {
    const where = `figures[${i}]`;
    if (!isSpread(f)) return { ok: false, problem: `${where} needs numbers min, median and max` };
    const g = f as unknown as Record<string, unknown>;
    for (const key of ['id', 'label', 'unit'] as const) if (!isStr(g[key])) return { ok: false, problem: `${where}."${key}" must be a string` };
    if (g.ratio !== undefined && !isSpread(g.ratio)) return { ok: false, problem: `${where}.ratio needs numbers min, median and max` };
    if (g.target !== undefined) {
      const t = g.target as Record<string, unknown>;
      if (typeof t !== 'object' || t === null || !isStr(t.text)) return { ok: false, problem: `${where}.target needs a "text"` };
      if ((t.max !== undefined && !isNum(t.max)) || (t.min !== undefined && !isNum(t.min))) return { ok: false, problem: `${where}.target min/max must be numbers` };
      if (t.on !== undefined && t.on !== 'value' && t.on !== 'ratio') return { ok: false, problem: `${where}.target.on must be "value" or "ratio"` };
    }
  }
  return { ok: true, value: value as BenchResult };
}
