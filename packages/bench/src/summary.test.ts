import { describe, expect, it } from 'vitest';
import { figure, type BenchResult } from './result.js';
import { renderSummary, type SummaryInput } from './summary.js';

const kpis: BenchResult = {
  name: 'kpis', title: 'KPI engine', command: 'pnpm bench:kpis', date: '2026-11-27T07:00:00.000Z', rounds: 3, quick: false,
  figures: [
    figure('scan', '(s) plain aggregate scan', 'ms', [147, 148, 147]),
    figure('full', '(f) full recompute', 'ms', [4499, 4521, 4595], { baseline: { id: 'scan', values: [147, 148, 147] }, target: { text: '≤ 10× (aim)', on: 'ratio', max: 10 } }),
    figure('incremental', '(i) incremental recompute', 'ms', [109, 129, 165], { baseline: { id: 'full', values: [4499, 4521, 4595] }, target: { text: '≤ 2%', on: 'ratio', max: 0.02 } }),
    figure('read', 'read one dealer', 'ms', [3.15, 3.79, 4.58], { target: { text: '< 20 ms', max: 20 } }),
  ],
};

const input: SummaryInput = {
  machine: { cpu: 'AMD EPYC', cores: 2, memoryGiB: 24, os: 'Debian', node: 'v20.20.2', duckdb: 'v1.5.0' },
  date: new Date('2026-11-27T08:00:00Z'),
  command: 'pnpm bench',
  totalMs: 754_000,
  quick: false,
  runs: [
    { name: 'ingest', script: 'scripts/bench-ingest.ts', state: 'failed', exit: 'exit code 1', ms: 3000 },
    { name: 'kpis', script: 'scripts/bench-kpis.ts', state: 'ok', ms: 95_000, result: kpis },
    { name: 'api', script: 'scripts/bench-api.ts', state: 'ok', ms: 60_000, problem: 'no bench-out/api.json' },
    { name: 'web', script: 'scripts/bench-web.ts', state: 'missing' },
    { name: 'compare', script: 'scripts/bench-compare.ts', state: 'skipped' },
  ],
};

describe('renderSummary', () => {
  const md = renderSummary(input);
  it('heads with date, command, total time and machine', () => {
    expect(md).toContain('2026-11-27 08:00 UTC · `pnpm bench`');
    expect(md).toContain('total 12 min 34 s');
    expect(md).toContain('Machine: AMD EPYC, 2 cores · 24 GiB RAM · Debian · Node v20.20.2 · DuckDB v1.5.0');
    expect(md).not.toContain('BENCH_QUICK');
  });
  it('has one line per figure with spread, ratio, target and verdict', () => {
    expect(md).toContain('| kpis (3 rounds, 1 min 35 s) | (s) plain aggregate scan | 147 / 147 / 148 ms |  |  |  |');
    expect(md).toContain('| (f) full recompute | 4,499 / 4,521 / 4,595 ms | 30.6× (30.5–31.3) of (s) | ≤ 10× (aim) | **miss** |');
    expect(md).toContain('| (i) incremental recompute | 109 / 129 / 165 ms | 2.85% (2.42–3.59) of (f) | ≤ 2% | **miss** |');
    expect(md).toContain('| read one dealer | 3.15 / 3.79 / 4.58 ms |  | < 20 ms | pass |');
  });
  it('says which benchmarks failed, have only a section, were not written yet; leaves out the ones not picked', () => {
    expect(md).toContain('| ingest | **failed** (exit code 1, 3 s); its section was not updated |');
    expect(md).toContain('| api (1 min 0 s) | see section (no bench-out/api.json) |');
    expect(md).toContain('| web | not measured: `scripts/bench-web.ts` does not exist yet |');
    expect(md).not.toContain('compare');
    expect(md).toContain('Targets met: 1 of 3. Failed: ingest. Not measured (script not written yet): web (`scripts/bench-web.ts`).');
  });
  it('gives the load average and says when other work shared the machine', () => {
    expect(renderSummary({ ...input, load: { start: 6.25, end: 1.5 } })).toContain('· DuckDB v1.5.0 · load average (1 min) 6.3 at the start, 1.5 at the end — other work shared the machine, figures are pessimistic');
    expect(renderSummary({ ...input, load: { start: 0.4, end: 1.2 } })).toMatch(/load average \(1 min\) 0.4 at the start, 1.2 at the end\n/);
  });
  it('marks a quick run as meaningless numbers', () => {
    expect(renderSummary({ ...input, quick: true })).toContain('BENCH_QUICK=1');
  });
});
