// pnpm bench — every benchmark in one run, in a fixed order, each as a child process of its own
// script (scripts/bench-<name>.ts), then the summary at the top of docs/PERFORMANCE.md: machine,
// date, command, total duration and one line per figure (min / median / max, ratio to its
// baseline, target, met or not). Each script writes its own section of the docs and its figures
// to bench-out/<name>.json (shape: scripts/lib/benchOut.ts).
//   BENCH_ONLY=ingest,kpis   run only these (in the fixed order)
//   BENCH_QUICK=1            small sizes, one round; docs go to bench-out/quick-docs/
//   BENCH_ROUNDS, BENCH_OUT_DIR, BENCH_DOCS_DIR: see scripts/lib/benchEnv.ts
// A script not written yet is listed as such in the output and the summary; a failing script
// does not stop the others, but makes the run exit with 1.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { checkBenchResult, formatDuration, machine, renderSummary, writeSectionFile, type BenchRun } from '@fixops/bench';
import { duckdbVersion } from './lib/duckdbVersion.js';
import { docsDir, isQuick, outDir, ROOT } from './lib/benchEnv.js';

export const ORDER = ['ingest', 'kpis', 'api', 'web', 'compare', 'scaling', 'cli'] as const;

function picked(): string[] {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!only?.length) return [...ORDER];
  const unknown = only.filter((n) => !(ORDER as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown benchmark ${unknown.join(', ')}; choose from ${ORDER.join(', ')}`);
  return ORDER.filter((n) => only.includes(n));
}

function run(script: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; exit?: string }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const done = (exit?: string) => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, ...(exit ? { exit } : {}) });
    child.on('error', (e) => done(`could not start: ${e.message}`));
    child.on('exit', (code, signal) => done(code === 0 ? undefined : signal ? `ended by ${signal}` : `exit code ${code}`));
  });
}

function command(): string {
  const own = Object.keys(process.env).filter((k) => /^BENCH_[A-Z]+_ROUNDS$/.test(k)).sort();
  const knobs = ['BENCH_QUICK', 'BENCH_ONLY', 'BENCH_ROUNDS', ...own].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`);
  return [...knobs, 'pnpm bench'].join(' ');
}

async function main(): Promise<number> {
  const names = picked();
  const out = outDir();
  const docs = docsDir();
  mkdirSync(out, { recursive: true });
  if (isQuick() && !process.env.BENCH_DOCS_DIR) {
    // Quick numbers go to a copy of the docs, so the committed ones keep their real numbers.
    mkdirSync(docs, { recursive: true });
    for (const f of ['PERFORMANCE.md', 'SCALING.md']) if (existsSync(join(ROOT, 'docs', f))) copyFileSync(join(ROOT, 'docs', f), join(docs, f));
  }
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_OUT_DIR: out, BENCH_DOCS_DIR: docs };
  if (isQuick()) env.BENCH_SECONDS ??= '2';
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const runs: BenchRun[] = [];
  process.stderr.write(`pnpm bench: ${names.join(', ')}${isQuick() ? ' (quick)' : ''} → ${relative(ROOT, docs) || '.'}/PERFORMANCE.md\n`);
  for (const name of names) {
    const script = join('scripts', `bench-${name}.ts`);
    if (!existsSync(join(ROOT, script))) {
      process.stderr.write(`\n── ${name}: ${script} does not exist yet, skipped\n`);
      runs.push({ name, script, state: 'missing' });
      continue;
    }
    const json = join(out, `${name}.json`);
    rmSync(json, { force: true });
    process.stderr.write(`\n── ${name}: ${script}\n`);
    const r = await run(script, env);
    if (r.exit) {
      process.stderr.write(`── ${name} failed (${r.exit}) after ${formatDuration(r.ms)}\n`);
      runs.push({ name, script, state: 'failed', ms: r.ms, exit: r.exit });
      continue;
    }
    process.stderr.write(`── ${name} done in ${formatDuration(r.ms)}\n`);
    const entry: BenchRun = { name, script, state: 'ok', ms: r.ms };
    if (!existsSync(json) || statSync(json).mtimeMs < started) entry.problem = `no ${relative(ROOT, json)}`;
    else {
      const checked = checkBenchResult(JSON.parse(readFileSync(json, 'utf8')));
      if (checked.ok) entry.result = checked.value;
      else entry.problem = `${relative(ROOT, json)}: ${checked.problem}`;
    }
    runs.push(entry);
  }
  const totalMs = Date.now() - started;
  const md = renderSummary({ machine: machine(await duckdbVersion()), date: new Date(), command: command(), totalMs, quick: isQuick(), runs, load: { start: loadAtStart, end: loadavg()[0]! } });
  const file = join(docs, 'PERFORMANCE.md');
  writeSectionFile(file, 'summary', md, '# Performance\n', { place: 'top' });
  process.stdout.write(`${md}\n\nwritten to ${relative(ROOT, file)} · total ${formatDuration(totalMs)}\n`);
  const missing = runs.filter((r) => r.state === 'missing').map((r) => r.script);
  if (missing.length) process.stderr.write(`not written yet: ${missing.join(', ')}\n`);
  return runs.some((r) => r.state === 'failed') ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`pnpm bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
