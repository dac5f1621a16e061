// pnpm bench:compare — a scripted dealer comparison (`fixops compare`) over every dealer of the
// 300-dealer × 24-month KPI-bench network: the East-region example file with its selection
// widened to all dealers. Per round (each on the same database, KPIs computed once):
//   (b) baseline: readKpis of every dealer and KPI for the month (what any comparison must read)
//   (c) runComparison: dealers, KPI values of the month and the month before, assessments, scores,
//       ranks, medians, gaps
//   (h) (c) plus rendering the printable HTML (300 ranking bars, 300 gap charts)
//   (k) baseline of (x): the whole command `fixops kpis --month M --json` (process start, database
//       open, read one month of every dealer's KPIs, print)
//   (x) the whole command `fixops compare … --format html --out FILE` in a child process (start,
//       open, run, render, write), with its peak RSS
//   (xw) the whole command `fixops compare … --format xlsx --out FILE` in a child process (≤ 2 s)
// (b), (c) and (h) are the median of 5 repetitions within the round. Writes the compare section of
// docs/PERFORMANCE.md and bench-out/compare.json (BENCH_QUICK=1: 6 dealers, one round).

import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { figure } from '@fixops/bench';
import { loadComparisonFile, renderHtml, runComparison, type Comparison } from '@fixops/compare';
import { openDatabase, queryJson, transaction } from '@fixops/db';
import { readKpis, recomputeAll } from '@fixops/metrics';
import { isQuick, outDir, ROOT, rounds, wholeNumberEnv } from './lib/benchEnv.js';
import { writeBenchOut } from './lib/benchOut.js';
import { bulkLoadScaleNetwork } from './lib/bulkLoad.js';
import { measureNode, stats } from './lib/measure.js';
import { writeSection } from './lib/performanceDoc.js';
import { scaleNetwork } from './lib/scaleNetwork.js';

const DEALERS = wholeNumberEnv('BENCH_DEALERS', isQuick() ? 6 : 300);
const ROUNDS = rounds('compare');
const REPEAT = 5;
const OUT = outDir();
const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
const EXAMPLE = join(ROOT, 'data', 'comparisons', 'east-region-service-scorecard.yaml');

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/** The KPI bench's database (bench-out/kpis-N.duckdb, built the same way when missing), with every KPI computed once. */
async function prepare(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const base = join(OUT, `kpis-${DEALERS}.duckdb`);
  if (!existsSync(base)) {
    const network = await scaleNetwork(DEALERS);
    process.stderr.write('loading the network into DuckDB…\n');
    const db = await openDatabase(`${base}.tmp`);
    await transaction(db.connection, () => bulkLoadScaleNetwork(db.connection, network.dir, network.subset ? network.dealers : undefined));
    await db.connection.run('CHECKPOINT');
    db.close();
    copyFileSync(`${base}.tmp`, base);
    rmSync(`${base}.tmp`);
  }
  const file = join(OUT, `compare-${DEALERS}.duckdb`);
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(base).mtimeMs) {
    process.stderr.write('computing every KPI once…\n');
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
    copyFileSync(base, `${file}.tmp`);
    const db = await openDatabase(`${file}.tmp`);
    await transaction(db.connection, () => recomputeAll(db.connection));
    await db.connection.run('CHECKPOINT');
    db.close();
    copyFileSync(`${file}.tmp`, file);
    rmSync(`${file}.tmp`);
  }
  return file;
}

async function comparisonFile(): Promise<{ comparison: Comparison; yaml: string }> {
  const loaded = await loadComparisonFile(EXAMPLE);
  if (!loaded.ok) throw new Error(loaded.error.message.en);
  const { readFileSync, writeFileSync } = await import('node:fs');
  const yaml = join(OUT, 'compare-all-dealers.yaml');
  writeFileSync(yaml, readFileSync(EXAMPLE, 'utf8').replace(/dealers:\n {2}regions: \[华东\]/, 'dealers:\n  all: true').replace('id: east-region-service-scorecard', 'id: all-dealers-service-scorecard'));
  const again = await loadComparisonFile(yaml);
  if (!again.ok) throw new Error(again.error.message.en);
  if (!again.value.dealers.all) throw new Error('the bench comparison does not select all dealers');
  return { comparison: again.value, yaml };
}

function median5(xs: number[]): number {
  return stats(xs).median;
}

async function main(): Promise<void> {
  const load = loadavg()[0]!;
  const dbFile = await prepare();
  const { comparison, yaml } = await comparisonFile();
  const runs = { read: [] as number[], run: [] as number[], html: [] as number[], kpis: [] as number[], cli: [] as number[], rss: [] as number[], cliXlsx: [] as number[], rssXlsx: [] as number[] };
  let shape = { dealers: 0, month: '', values: 0, htmlKiB: 0, xlsxKiB: 0 };
  for (let round = 1; round <= ROUNDS; round++) {
    process.stderr.write(`round ${round}/${ROUNDS}\n`);
    const db = await openDatabase(dbFile);
    try {
      const month = (await queryJson<{ m: string }>(db.connection, "SELECT strftime(max(month), '%Y-%m') AS m FROM kpi_values"))[0]!.m;
      const reads: number[] = [];
      const scored: number[] = [];
      const rendered: number[] = [];
      for (let i = 0; i < REPEAT; i++) {
        const read = await timed(() => readKpis(db.connection, { from: month, to: month }));
        reads.push(read.ms);
        const r = await timed(() => runComparison(db.connection, comparison));
        if (!r.result.ok) throw new Error(r.result.error.message.en);
        scored.push(r.ms);
        const h = await timed(async () => {
          const res = await runComparison(db.connection, comparison);
          if (!res.ok) throw new Error(res.error.message.en);
          return renderHtml(res.value, 'zh');
        });
        rendered.push(h.ms);
        shape = { ...shape, dealers: r.result.value.rows.length, month, values: read.result.length, htmlKiB: Buffer.byteLength(h.result) / 1024 };
      }
      runs.read.push(median5(reads));
      runs.run.push(median5(scored));
      runs.html.push(median5(rendered));
    } finally {
      db.close();
    }
    if (shape.dealers !== DEALERS) throw new Error(`the comparison ranked ${shape.dealers} dealers, expected ${DEALERS}`);
    const html = join(OUT, `compare-${DEALERS}.html`);
    runs.kpis.push(measureNode([CLI, 'kpis', '--month', shape.month, '--json', '--db', dbFile]).ms);
    const m = measureNode([CLI, 'compare', yaml, '--db', dbFile, '--format', 'html', '--out', html]);
    runs.cli.push(m.ms);
    runs.rss.push(m.rssMiB);
    const xlsx = join(OUT, `compare-${DEALERS}.xlsx`);
    rmSync(xlsx, { force: true });
    const mx = measureNode([CLI, 'compare', yaml, '--db', dbFile, '--format', 'xlsx', '--out', xlsx]);
    if (!existsSync(xlsx)) throw new Error('fixops compare --format xlsx wrote no file');
    runs.cliXlsx.push(mx.ms);
    runs.rssXlsx.push(mx.rssMiB);
    shape.xlsxKiB = statSync(xlsx).size / 1024;
  }
  const s = (xs: number[]) => stats(xs);
  const f = (xs: number[], digits = 1) => `${s(xs).min.toFixed(digits)} / ${s(xs).median.toFixed(digits)} / ${s(xs).max.toFixed(digits)}`;
  const ratio = (xs: number[], base = runs.read) => {
    const r = xs.map((x, i) => x / base[i]!);
    return `${s(r).median.toFixed(1)} (${s(r).min.toFixed(1)}–${s(r).max.toFixed(1)})`;
  };
  const md = `## Dealer comparison (\`pnpm bench:compare\`)

${new Date().toISOString().slice(0, 10)} · Node ${process.version} · load average ${load.toFixed(1)} at the start (2 cores, shared) · the KPI bench's network: ${DEALERS} dealers × 24 months, KPIs computed once ·
comparison: \`data/comparisons/east-region-service-scorecard.yaml\` widened to \`dealers: { all: true }\` (7 KPIs + checklist, vs the previous month) for ${shape.month}: ${shape.dealers} dealers ranked, HTML ${shape.htmlKiB.toFixed(0)} KiB · ${ROUNDS} rounds; (b), (c), (h) are the median of ${REPEAT} repetitions in each round, ratios are per round.

| measure | ms (min / median / max) | ratio to (b), median (min–max) per round | target |
|---|---|---|---|
| (b) baseline: readKpis of every dealer for the month (${shape.values.toLocaleString('en-US')} values) | ${f(runs.read)} | 1 | |
| (c) runComparison: select, read two months + assessments, score, rank, medians, gaps | ${f(runs.run)} | ${ratio(runs.run)} | |
| (h) (c) + printable HTML (${DEALERS} ranking bars, ${DEALERS} gap charts) | ${f(runs.html)} | ${ratio(runs.html)} | |
| (k) whole command \`fixops kpis --month ${shape.month} --json\` (child process) | ${f(runs.kpis, 0)} | | |
| (x) whole command \`fixops compare … --format html --out FILE\` (child process) | ${f(runs.cli, 0)} | x/k = ${ratio(runs.cli, runs.kpis)} | < 5 s |
| peak RSS of (x), MiB | ${f(runs.rss, 0)} | | |
| (xw) whole command \`fixops compare … --format xlsx --out FILE\` (child process; ${shape.xlsxKiB.toFixed(0)} KiB workbook) | ${f(runs.cliXlsx, 0)} | xw/k = ${ratio(runs.cliXlsx, runs.kpis)} | ≤ 2 s |
| peak RSS of (xw), MiB | ${f(runs.rssXlsx, 0)} | | |

(x) − (k) is what a fresh process adds for a comparison: loading @fixops/compare (ajv, yaml) and compiling the file's schema, and (c) on cold DuckDB caches; (c) and (h) are warm.
Reproduce: \`pnpm bench:compare\` (BENCH_DEALERS, BENCH_ROUNDS; BENCH_QUICK=1 to check it runs).`;
  process.stdout.write(`${md}\n`);
  writeSection('compare', md);
  writeBenchOut({
    name: 'compare', title: 'Dealer comparison', command: 'pnpm bench:compare', rounds: ROUNDS,
    figures: [
      figure('read', `(b) readKpis of ${DEALERS} dealers for one month`, 'ms', runs.read),
      figure('run', `(c) runComparison over ${DEALERS} dealers`, 'ms', runs.run, { baseline: { id: 'read', values: runs.read } }),
      figure('html', '(h) runComparison + printable HTML', 'ms', runs.html, { baseline: { id: 'read', values: runs.read } }),
      figure('kpis', '(k) fixops kpis --month --json (whole command)', 'ms', runs.kpis),
      figure('cli', '(x) fixops compare --format html (whole command)', 'ms', runs.cli, { baseline: { id: 'kpis', values: runs.kpis }, target: { text: '< 5 s', max: 5000 } }),
      figure('rss', 'peak RSS of (x)', 'MiB', runs.rss),
      figure('cliXlsx', '(xw) fixops compare --format xlsx --out (whole command)', 'ms', runs.cliXlsx, { baseline: { id: 'kpis', values: runs.kpis }, target: { text: '≤ 2 s', max: 2000 } }),
      figure('rssXlsx', 'peak RSS of (xw)', 'MiB', runs.rssXlsx),
    ],
  });
}

await main();
