// bench-out/<name>.json: the machine-readable result of one benchmark script, read by
// `pnpm bench` (scripts/bench.ts) for the summary table at the top of docs/PERFORMANCE.md.
//
// Shape (the type and its checker are BenchResult / checkBenchResult in packages/bench/src/result.ts):
//
//   { "name": "kpis", "title": "KPI engine", "command": "pnpm bench:kpis",
//     "date": "2026-11-27T07:12:03.000Z", "rounds": 3, "quick": false,
//     "figures": [
//       { "id": "scan", "label": "(s) plain aggregate scan", "unit": "ms", "min": 147, "median": 147, "max": 148 },
//       { "id": "full", "label": "(f) full recompute", "unit": "ms", "min": 4499, "median": 4521, "max": 4595,
//         "baseline": "scan", "ratio": { "min": 30.5, "median": 30.6, "max": 31.3 },
//         "target": { "text": "≤ 10× (aim)", "on": "ratio", "max": 10 } } ] }
//
// min/median/max are over the rounds; "ratio" divides each round's value by the baseline figure's
// value of the same round. A target passes when the median (or, with "on": "ratio", the median
// ratio) is ≤ max and ≥ min; a target with only "text" is shown, not judged.
//
// To adopt it in a script: build figures with `figure(id, label, unit, valuesPerRound, { baseline, target })`
// from @fixops/bench and call `writeBenchOut({ name, title, command, figures })` at the end.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBenchResult, type BenchFigure, type BenchResult } from '@fixops/bench';
import { isQuick, outDir, rounds } from './benchEnv.js';

export function writeBenchOut(r: { name: string; title: string; command: string; figures: BenchFigure[]; rounds?: number }): string {
  const result: BenchResult = { name: r.name, title: r.title, command: r.command, date: new Date().toISOString(), rounds: r.rounds ?? rounds(), quick: isQuick(), figures: r.figures };
  const checked = checkBenchResult(JSON.parse(JSON.stringify(result)));
  if (!checked.ok) throw new Error(`bench-out/${r.name}.json: ${checked.problem}`);
  mkdirSync(outDir(), { recursive: true });
  const file = join(outDir(), `${r.name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
