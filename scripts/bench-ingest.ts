// pnpm bench:ingest — 1,000,000 repair orders: DuckDB's own read_csv (typed columns) against
// `fixops ingest` of the same rows in UTF-8 and in GB18030, in one run, several rounds.
// Prints time, rows/s and peak RSS of each, the ratios b/a and c/a, and records them in docs/PERFORMANCE.md
// and bench-out/ingest.json (BENCH_QUICK=1: 20,000 rows, one round).

import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchRepairOrders } from '@fixops/demo';
import { figure } from '@fixops/bench';
import { isQuick, outDir, rounds, wholeNumberEnv } from './lib/benchEnv.js';
import { writeBenchOut } from './lib/benchOut.js';
import { measureNode, stats, type Measurement } from './lib/measure.js';
import { writeSection } from './lib/performanceDoc.js';

/** 1-minute load average when the benchmark starts: how busy the shared machine was. */
const LOAD_AT_START = loadavg()[0]!.toFixed(1);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = outDir();
const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
const ROWS = wholeNumberEnv('BENCH_ROWS', isQuick() ? 20_000 : 1_000_000);
const ROUNDS = rounds('ingest');

const BASELINE = `
import { DuckDBInstance } from '@duckdb/node-api';
const [db, file] = process.argv.slice(-2);
const instance = await DuckDBInstance.create(db);
const c = await instance.connect();
await c.run(\`CREATE TABLE repair_orders AS SELECT * FROM read_csv('\${file}', header = true, auto_detect = false, delim = ',', quote = '"', columns = {
  'dealer_code': 'VARCHAR', 'ro_no': 'VARCHAR', 'vin': 'VARCHAR', 'open_time': 'TIMESTAMP', 'repair_type': 'VARCHAR', 'total_amount': 'DOUBLE',
  'promised_time': 'TIMESTAMP', 'delivered_time': 'TIMESTAMP', 'advisor': 'VARCHAR', 'labor_amount': 'DOUBLE', 'parts_amount': 'DOUBLE',
  'estimate_amount': 'DOUBLE', 'booking_no': 'VARCHAR', 'care_products_amount': 'DOUBLE', 'mileage': 'BIGINT'})\`);
const n = (await c.runAndReadAll('SELECT count(*)::INTEGER AS n FROM repair_orders')).getRowObjects()[0].n;
console.log(JSON.stringify({ rows: n }));
c.closeSync(); instance.closeSync();
`;

function freshDb(name: string): string {
  const path = join(OUT, name);
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  return path;
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('build first: pnpm build');
  mkdirSync(OUT, { recursive: true });
  const utf8 = join(OUT, `ro-${ROWS}-utf8.csv`);
  const gb = join(OUT, `ro-${ROWS}-gb18030.csv`);
  for (const [path, encoding] of [[utf8, 'utf-8'], [gb, 'gb18030']] as const) {
    if (!existsSync(path)) {
      process.stderr.write(`generating ${path}…\n`);
      await writeBenchRepairOrders(path, { rows: ROWS, encoding, seed: 1 });
    }
  }
  const runs: Record<'a' | 'b' | 'c', Measurement[]> = { a: [], b: [], c: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    process.stderr.write(`round ${round}/${ROUNDS}\n`);
    const a = measureNode(['--input-type=module', '-e', BASELINE, '--', freshDb('a.duckdb'), utf8], {});
    if ((JSON.parse(a.stdout) as { rows: number }).rows !== ROWS) throw new Error(`read_csv loaded ${a.stdout}`);
    runs.a.push(a);
    for (const [key, file, db] of [['b', utf8, 'b.duckdb'], ['c', gb, 'c.duckdb']] as const) {
      const m = measureNode([CLI, 'ingest', '--json', '--db', freshDb(db), file]);
      const [summary] = JSON.parse(m.stdout) as { status: string; rowsLoaded: number }[];
      if (summary?.status !== 'loaded' || summary.rowsLoaded !== ROWS) throw new Error(`ingest of ${file}: ${m.stdout.slice(0, 2000)}`);
      runs[key].push(m);
    }
  }
  const med = (k: 'a' | 'b' | 'c') => stats(runs[k].map((r) => r.ms));
  const rss = (k: 'a' | 'b' | 'c') => Math.max(...runs[k].map((r) => r.rssMiB));
  const ratio = (k: 'b' | 'c') => runs[k].map((r, i) => r.ms / runs.a[i]!.ms);
  const fmt = (n: number) => (n / 1000).toFixed(2);
  const row = (label: string, k: 'a' | 'b' | 'c', target: string) => {
    const s = med(k);
    const r = k === 'a' ? '1.00' : `${stats(ratio(k)).median.toFixed(2)} (${stats(ratio(k)).min.toFixed(2)}–${stats(ratio(k)).max.toFixed(2)})`;
    return `| ${label} | ${fmt(s.min)} / ${fmt(s.median)} / ${fmt(s.max)} | ${Math.round(ROWS / (s.median / 1000)).toLocaleString('en-US')} | ${rss(k).toFixed(0)} | ${r} | ${target} |`;
  };
  const size = (p: string) => `${(statSync(p).size / 1048576).toFixed(0)} MB`;
  const md = `## Ingest (\`pnpm bench:ingest\`)

${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores (${cpus()[0]?.model ?? '?'}) · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · load average at the start ${LOAD_AT_START} (other work on the machine slows both sides) · ${ROWS.toLocaleString('en-US')} repair orders, 15 columns (UTF-8 ${size(utf8)}, GB18030 ${size(gb)}) · ${ROUNDS} rounds, each round runs a, b, c back to back in fresh DuckDB files; ratios are per round, so machine noise hits both sides.

| run | time s (min / median / max) | rows/s (median) | peak RSS MiB | ratio to (a), median (min–max) | target |
|---|---|---|---|---|---|
${row('(a) DuckDB read_csv, typed columns', 'a', '')}
${row('(b) fixops ingest, UTF-8', 'b', '≤ 2.5×, ≤ 1 GiB')}
${row('(c) fixops ingest, GB18030', 'c', '≤ 4×, ≤ 1 GiB')}

(b) and (c) include what (a) does not: process start, encoding check and transcoding, the record index for line numbers, every validation rule of dms-exports.md, duplicate search, replace-per-month and the load log, in one transaction.
Reproduce: \`pnpm bench:ingest\` (BENCH_ROWS, BENCH_ROUNDS to change size and rounds).`;
  process.stdout.write(`${md}\n`);
  writeSection('ingest', md);
  const secs = (k: 'a' | 'b' | 'c') => runs[k].map((r) => r.ms / 1000);
  const a = { id: 'a', values: secs('a') };
  writeBenchOut({
    name: 'ingest', title: 'Ingest', command: 'pnpm bench:ingest', rounds: ROUNDS,
    figures: [
      figure('a', `(a) DuckDB read_csv, ${ROWS.toLocaleString('en-US')} rows`, 's', secs('a')),
      figure('b', '(b) fixops ingest, UTF-8', 's', secs('b'), { baseline: a, target: { text: '≤ 2.5×', on: 'ratio', max: 2.5 } }),
      figure('c', '(c) fixops ingest, GB18030', 's', secs('c'), { baseline: a, target: { text: '≤ 4×', on: 'ratio', max: 4 } }),
      figure('b-rss', '(b) peak RSS', 'MiB', runs.b.map((r) => r.rssMiB), { target: { text: '≤ 1 GiB', max: 1024 } }),
      figure('c-rss', '(c) peak RSS', 'MiB', runs.c.map((r) => r.rssMiB), { target: { text: '≤ 1 GiB', max: 1024 } }),
    ],
  });
}

await main();
