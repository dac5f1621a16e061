// The environment knobs every benchmark script shares (see benchOut.ts for the JSON it writes):
//   BENCH_QUICK=1     small sizes and one round: checks that a benchmark runs, its numbers mean nothing
//   BENCH_ROUNDS=N    rounds behind each min / median / max (default 3, 1 when quick)
//   BENCH_<NAME>_ROUNDS=N  the same for one benchmark only (e.g. BENCH_SCALING_ROUNDS=2), over BENCH_ROUNDS
//   BENCH_OUT_DIR     scratch files and <name>.json results (default bench-out/, git-ignored)
//   BENCH_DOCS_DIR    where PERFORMANCE.md and SCALING.md are written (default docs/; when quick,
//                     bench-out/quick-docs/ so quick numbers never land in the committed docs)

import { join, resolve } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function isQuick(): boolean {
  return process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';
}

export function rounds(name?: string): number {
  const own = name === undefined ? undefined : `BENCH_${name.toUpperCase()}_ROUNDS`;
  const key = own !== undefined && process.env[own] ? own : 'BENCH_ROUNDS';
  const text = process.env[key];
  if (text === undefined || text === '') return isQuick() ? 1 : 3;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${key} must be a whole number ≥ 1, got ${JSON.stringify(text)}`);
  return n;
}

export function outDir(): string {
  return resolve(process.env.BENCH_OUT_DIR || join(ROOT, 'bench-out'));
}

export function docsDir(): string {
  if (process.env.BENCH_DOCS_DIR) return resolve(process.env.BENCH_DOCS_DIR);
  return isQuick() ? join(outDir(), 'quick-docs') : join(ROOT, 'docs');
}

/** A whole-number knob such as BENCH_ROWS, with its default. */
export function wholeNumberEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, got ${JSON.stringify(text)}`);
  return n;
}
