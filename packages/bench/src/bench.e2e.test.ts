// End to end: `pnpm bench` (scripts/bench.ts) with BENCH_QUICK=1 BENCH_ONLY=ingest, into a temp
// folder holding a PERFORMANCE.md with other sections and notes. About 15–30 s.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSection } from './doc.js';
import { checkBenchResult } from './result.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'fixops-bench-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bench(): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_QUICK: '1', BENCH_ONLY: 'ingest', BENCH_OUT_DIR: join(dir, 'out'), BENCH_DOCS_DIR: join(dir, 'docs') };
  delete env.BENCH_ROUNDS;
  delete env.BENCH_ROWS;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 170_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('BENCH_QUICK=1 BENCH_ONLY=ingest pnpm bench', () => {
  it('writes the ingest section, its bench-out JSON and the summary on top, keeping the rest of the doc', () => {
    const doc = join(dir, 'docs', 'PERFORMANCE.md');
    const before = '# Performance\n\nIntro kept.\n\n<!-- bench:ingest:begin -->\nold ingest numbers\n<!-- bench:ingest:end -->\n\n<!-- bench:kpis:begin -->\nkpi numbers kept\n<!-- bench:kpis:end -->\n\n## Notes\nnotes kept\n';
    rmSync(join(dir, 'docs'), { recursive: true, force: true });
    spawnSync('mkdir', ['-p', join(dir, 'docs')]);
    writeFileSync(doc, before);

    const r = bench();
    expect(r.status, r.stderr.slice(-3000)).toBe(0);
    const text = readFileSync(doc, 'utf8');
    expect(readSection(text, 'ingest')).toMatch(/^## Ingest/);
    expect(text).not.toContain('old ingest numbers');
    expect(readSection(text, 'kpis')).toBe('kpi numbers kept');
    expect(text).toContain('Intro kept.');
    expect(text).toContain('notes kept');
    const summary = readSection(text, 'summary')!;
    expect(text.indexOf('bench:summary:begin')).toBeLessThan(text.indexOf('bench:ingest:begin'));
    expect(summary).toContain('`BENCH_QUICK=1 BENCH_ONLY=ingest pnpm bench`');
    expect(summary).toMatch(/Machine: .+ · Node v\d+.+ · DuckDB v\d/);
    expect(summary).toMatch(/\| ingest \(1 round, \d+ s\) \| \(a\) DuckDB read_csv, 20,000 rows \| [\d.]+ \/ [\d.]+ \/ [\d.]+ s \|/);
    expect(summary).toMatch(/\| \(b\) fixops ingest, UTF-8 \| .+ s \| [\d.]+× \([\d.]+–[\d.]+\) of \(a\) \| ≤ 2\.5× \| (pass|\*\*miss\*\*) \|/);
    expect(summary).not.toContain('kpis (');

    const json = checkBenchResult(JSON.parse(readFileSync(join(dir, 'out', 'ingest.json'), 'utf8')));
    expect(json.ok && json.value.quick && json.value.rounds === 1 && json.value.figures.map((f) => f.id)).toEqual(['a', 'b', 'c', 'b-rss', 'c-rss', 'd', 'e', 'e-rss']);
  }, 180_000);
});
