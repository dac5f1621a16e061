// pnpm bench:ingest — 1,000,000 repair orders: DuckDB's own read_csv (typed columns) against
// `fixops ingest` of the same rows in UTF-8 and in GB18030, in one run, several rounds; and
// 200,000 repair orders as an Excel workbook (.xlsx, written here by exceljs: title row, date
// and number cells) against the same rows as a UTF-8 CSV (e/d).
// Prints time, rows/s and peak RSS of each, the ratios b/a, c/a and e/d, and records them in docs/PERFORMANCE.md
// and bench-out/ingest.json (BENCH_QUICK=1: 20,000 and 5,000 rows, one round).

import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchRepairOrders } from '@fixops/demo';
import { figure } from '@fixops/bench';
import { isQuick, outDir, rounds, wholeNumberEnv } from './lib/benchEnv.js';
import { writeBenchOut } from './lib/benchOut.js';
import { measureNode, stats, type Measurement } from './lib/measure.js';
import { writeXlsxFromCsv } from './lib/benchXlsx.js';
import { writeSection } from './lib/performanceDoc.js';

/** 1-minute load average when the benchmark starts: how busy the shared machine was. */
const LOAD_AT_START = loadavg()[0]!.toFixed(1);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = outDir();
const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
const ROWS = wholeNumberEnv('BENCH_ROWS', isQuick() ? 20_000 : 1_000_000);
const ROUNDS = rounds('ingest');
const XLSX_ROWS = wholeNumberEnv('BENCH_XLSX_ROWS', isQuick() ? 5_000 : 200_000);

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
  const smallCsv = join(OUT, `ro-${XLSX_ROWS}-utf8.csv`);
  const xlsx = join(OUT, `ro-${XLSX_ROWS}.xlsx`);
  if (!existsSync(smallCsv)) await writeBenchRepairOrders(smallCsv, { rows: XLSX_ROWS, encoding: 'utf-8', seed: 2 });
  if (!existsSync(xlsx)) {
    process.stderr.write(`generating ${xlsx}…\n`);
    await writeXlsxFromCsv(smallCsv, xlsx, '维修工单明细表');
  }
  const runs: Record<'a' | 'b' | 'c' | 'd' | 'e', Measurement[]> = { a: [], b: [], c: [], d: [], e: [] };
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
    for (const [key, file, db] of [['d', smallCsv, 'd.duckdb'], ['e', xlsx, 'e.duckdb']] as const) {
      const m = measureNode([CLI, 'ingest', '--json', '--db', freshDb(db), file]);
      const [summary] = JSON.parse(m.stdout) as { status: string; rowsLoaded: number; titleRows: number }[];
      if (summary?.status !== 'loaded' || summary.rowsLoaded !== XLSX_ROWS) throw new Error(`ingest of ${file}: ${m.stdout.slice(0, 2000)}`);
      if (key === 'e' && summary.titleRows !== 1) throw new Error(`ingest of ${file}: the title row was not skipped`);
      runs[key].push(m);
    }
  }
  type Key = keyof typeof runs;
  const med = (k: Key) => stats(runs[k].map((r) => r.ms));
  const rss = (k: Key) => Math.max(...runs[k].map((r) => r.rssMiB));
  const base = (k: Key): Key => (k === 'e' ? 'd' : 'a');
  const ratio = (k: Key) => runs[k].map((r, i) => r.ms / runs[base(k)][i]!.ms);
  const fmt = (n: number) => (n / 1000).toFixed(2);
  const row = (label: string, k: Key, target: string) => {
    const s = med(k);
    const r = k === 'a' || k === 'd' ? '1.00' : `${stats(ratio(k)).median.toFixed(2)} (${stats(ratio(k)).min.toFixed(2)}–${stats(ratio(k)).max.toFixed(2)})`;
    const rows = k === 'd' || k === 'e' ? XLSX_ROWS : ROWS;
    return `| ${label} | ${fmt(s.min)} / ${fmt(s.median)} / ${fmt(s.max)} | ${Math.round(rows / (s.median / 1000)).toLocaleString('en-US')} | ${rss(k).toFixed(0)} | ${r} | ${target} |`;
  };
  const perRound = ratio('e').map((x) => x.toFixed(2)).join(', ');
  const size = (p: string) => `${(statSync(p).size / 1048576).toFixed(0)} MB`;
  const md = `## Ingest (\`pnpm bench:ingest\`)

${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores (${cpus()[0]?.model ?? '?'}) · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · load average at the start ${LOAD_AT_START} (other work on the machine slows both sides) · ${ROWS.toLocaleString('en-US')} repair orders, 15 columns (UTF-8 ${size(utf8)}, GB18030 ${size(gb)}) · ${ROUNDS} rounds, each round runs a, b, c back to back in fresh DuckDB files; ratios are per round, so machine noise hits both sides.

| run | time s (min / median / max) | rows/s (median) | peak RSS MiB | ratio to (a), median (min–max) | target |
|---|---|---|---|---|---|
${row('(a) DuckDB read_csv, typed columns', 'a', '')}
${row('(b) fixops ingest, UTF-8', 'b', '≤ 2.5×, ≤ 1 GiB')}
${row('(c) fixops ingest, GB18030', 'c', '≤ 4×, ≤ 1 GiB')}

Excel: ${XLSX_ROWS.toLocaleString('en-US')} repair orders as UTF-8 CSV (${size(smallCsv)}) and as .xlsx (${size(xlsx)}; written by exceljs: a title row, date cells, number cells); ratio (e)/(d) per round: ${perRound}.

| run | time s (min / median / max) | rows/s (median) | peak RSS MiB | ratio to (d), median (min–max) | target |
|---|---|---|---|---|---|
${row('(d) fixops ingest, UTF-8 CSV', 'd', '')}
${row('(e) fixops ingest, .xlsx', 'e', '≤ 4×, ≤ 1 GiB')}

(b) and (c) include what (a) does not: process start, encoding check and transcoding, the record index for line numbers, every validation rule of dms-exports.md, duplicate search, replace-per-month and the load log, in one transaction.
Reproduce: \`pnpm bench:ingest\` (BENCH_ROWS, BENCH_ROUNDS to change size and rounds).`;
  process.stdout.write(`${md}\n`);
  writeSection('ingest', md);
  const secs = (k: Key) => runs[k].map((r) => r.ms / 1000);
  const a = { id: 'a', values: secs('a') };
  writeBenchOut({
    name: 'ingest', title: 'Ingest', command: 'pnpm bench:ingest', rounds: ROUNDS,
    figures: [
      figure('a', `(a) DuckDB read_csv, ${ROWS.toLocaleString('en-US')} rows`, 's', secs('a')),
      figure('b', '(b) fixops ingest, UTF-8', 's', secs('b'), { baseline: a, target: { text: '≤ 2.5×', on: 'ratio', max: 2.5 } }),
      figure('c', '(c) fixops ingest, GB18030', 's', secs('c'), { baseline: a, target: { text: '≤ 4×', on: 'ratio', max: 4 } }),
      figure('b-rss', '(b) peak RSS', 'MiB', runs.b.map((r) => r.rssMiB), { target: { text: '≤ 1 GiB', max: 1024 } }),
      figure('c-rss', '(c) peak RSS', 'MiB', runs.c.map((r) => r.rssMiB), { target: { text: '≤ 1 GiB', max: 1024 } }),
      figure('d', `(d) fixops ingest, ${XLSX_ROWS.toLocaleString('en-US')} rows, UTF-8 CSV`, 's', secs('d')),
      figure('e', '(e) fixops ingest, the same rows as .xlsx', 's', secs('e'), { baseline: { id: 'd', values: secs('d') }, target: { text: '≤ 4×', on: 'ratio', max: 4 } }),
      figure('e-rss', '(e) peak RSS', 'MiB', runs.e.map((r) => r.rssMiB), { target: { text: '≤ 1 GiB', max: 1024 } }),
    ],
  });
}

await main();
