// pnpm bench:scaling — how cost grows with dealers × months: networks of 50, 150 and 300 dealers
// × 24 months (prefixes of the generated scale-300 network, see lib/scaleNetwork.ts), each
// measured in a fresh process and a fresh database file per round: bulk fixture build
// (read_csv), full KPI recompute, incremental recompute after loading one dealer-month through
// ingest, reading one dealer's 24 months, reading the network's month, database file size,
// `fixops export --parquet` (time, size) and `fixops import --parquet` into a new file (time, and
// that its KPI values and flags are identical: counts and checksums), peak RSS of each process.
// Writes the numbers between the bench:scaling markers of docs/SCALING.md and bench-out/scaling.json.
//   BENCH_ROUNDS (default 3), BENCH_SCALING_SIZES (default 50,150,300), BENCH_QUICK=1 (sizes 2,4,6; one round)

import { loadavg } from 'node:os';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeGrowth, figure, fitLine, formatNumber, formatSpread, growthExponent, machine, renderMachine, spread, writeSectionFile, type BenchFigure } from '@fixops/bench';
import { settingOrFail } from '@fixops/config';
import { openDatabase, queryJson, transaction, type Database } from '@fixops/db';
import { ingestFile } from '@fixops/ingest';
import { readKpis, recomputeAfterLoad, recomputeAll } from '@fixops/metrics';
import { duckdbVersion } from './lib/duckdbVersion.js';
import { docsDir, isQuick, outDir, ROOT, rounds } from './lib/benchEnv.js';
import { writeBenchOut } from './lib/benchOut.js';
import { bulkLoadScaleNetwork } from './lib/bulkLoad.js';
import { measureNode } from './lib/measure.js';
import { oneDealerMonthFile } from './lib/oneDealerMonth.js';
import { scaleNetwork } from './lib/scaleNetwork.js';

const SELF = fileURLToPath(import.meta.url);
const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
const OUT = outDir();
const MONTHS = 24;
const LOAD_DEALER = 'SH001';
const LOAD_MONTH = '2025-06';
const READ_DEALER = 'BJ002';
const NETWORK_MONTH = '2025-12';

/** What one process measures for one size in one round. */
interface Round {
  dealers: number;
  dealerMonths: number;
  ros: number;
  kpiValues: number;
  flags: number;
  loadRows: number;
  buildMs: number;
  fullMs: number;
  incrementalMs: number;
  loadMs: number;
  dealerReadMs: number;
  networkReadMs: number;
  dbBytes: number;
  exportMs: number;
  exportBytes: number;
  exportFiles: number;
  exportRssMiB: number;
  importMs: number;
  importRssMiB: number;
  /** Filled by the parent: peak RSS of the measuring process (build, recompute, load, reads). */
  rssMiB?: number;
}

function sizes(): number[] {
  const text = process.env.BENCH_SCALING_SIZES;
  if (!text) return isQuick() ? [2, 4, 6] : [50, 150, 300];
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length < 2 || list.some((n) => !Number.isInteger(n) || n < 2 || n > 999)) throw new Error(`BENCH_SCALING_SIZES must list at least two dealer counts 2..999, got ${JSON.stringify(text)}`);
  return [...new Set(list)].sort((a, b) => a - b);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

function median(xs: number[]): number {
  return spread(xs).median;
}

function fresh(path: string): string {
  rmSync(path, { recursive: true, force: true });
  rmSync(`${path}.wal`, { force: true });
  return path;
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      bytes += statSync(join(e.parentPath, e.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

/** Counts and order-independent checksums of the KPI values and flags. */
async function kpiChecksum(db: Database): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of ['kpi_values', 'kpi_flags']) {
    const cols = await queryJson<{ column_name: string }>(db.connection,
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $t ORDER BY ordinal_position", { t: table });
    const r = (await queryJson<{ n: string; h: string }>(db.connection,
      `SELECT count(*)::VARCHAR AS n, coalesce(sum(hash(${cols.map((c) => `"${c.column_name}"`).join(', ')})), 0)::VARCHAR AS h FROM ${table}`))[0]!;
    result[`${table} rows`] = r.n;
    result[`${table} checksum`] = r.h;
  }
  return result;
}

/** One size, one round, in this (child) process; prints the Round as JSON on stdout. */
async function measureOne(size: number): Promise<Round> {
  const network = await scaleNetwork(size);
  mkdirSync(OUT, { recursive: true });
  const file = fresh(join(OUT, `scaling-${size}.duckdb`));
  const parquet = fresh(join(OUT, `scaling-${size}-parquet`));
  const imported = fresh(join(OUT, `scaling-${size}-imported.duckdb`));
  const log = (s: string) => process.stderr.write(`  [${size} dealers] ${s}\n`);
  const r: Partial<Round> = { dealers: size };
  let before: Record<string, string>;
  const db = await openDatabase(file);
  try {
    log('bulk build (read_csv)…');
    r.buildMs = (await timed(() => transaction(db.connection, () => bulkLoadScaleNetwork(db.connection, network.dir, network.subset ? network.dealers : undefined)))).ms;
    await db.connection.run('CHECKPOINT');
    log('full recompute…');
    r.fullMs = (await timed(() => transaction(db.connection, () => recomputeAll(db.connection)))).ms;
    log('one dealer-month through ingest…');
    const csv = await oneDealerMonthFile(db, OUT, LOAD_DEALER, LOAD_MONTH);
    let incrementalMs = 0;
    const load = await timed(() => ingestFile(db.connection, csv, {
      afterStore: async (c, change) => { incrementalMs = (await timed(() => recomputeAfterLoad(c, change))).ms; },
    }));
    if (load.result.status !== 'loaded') throw new Error(`loading ${csv}: ${JSON.stringify(load.result.error)}`);
    r.incrementalMs = incrementalMs;
    r.loadMs = load.ms;
    r.loadRows = load.result.rowsLoaded;
    log('reads…');
    const dealerReads: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = await timed(() => readKpis(db.connection, { dealer: READ_DEALER }));
      if (t.result.length !== MONTHS * 20) throw new Error(`one dealer's read gave ${t.result.length} values, expected ${MONTHS * 20}`);
      dealerReads.push(t.ms);
    }
    r.dealerReadMs = median(dealerReads);
    const networkReads: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = await timed(() => readKpis(db.connection, { from: NETWORK_MONTH, to: NETWORK_MONTH }));
      if (t.result.length !== size * 20) throw new Error(`the network month read gave ${t.result.length} values, expected ${size * 20}`);
      networkReads.push(t.ms);
    }
    r.networkReadMs = median(networkReads);
    const c = (await queryJson<Record<string, string>>(db.connection, `SELECT (SELECT count(*) FROM repair_orders)::VARCHAR AS ros,
      (SELECT count(DISTINCT (dealer_code, month)) FROM kpi_values)::VARCHAR AS dm, (SELECT count(*) FROM kpi_values)::VARCHAR AS v, (SELECT count(*) FROM kpi_flags)::VARCHAR AS f`))[0]!;
    Object.assign(r, { ros: Number(c.ros), dealerMonths: Number(c.dm), kpiValues: Number(c.v), flags: Number(c.f) });
    before = await kpiChecksum(db);
    await db.connection.run('CHECKPOINT');
  } finally {
    db.close();
  }
  r.dbBytes = statSync(file).size + (existsSync(`${file}.wal`) ? statSync(`${file}.wal`).size : 0);
  log('fixops export --parquet…');
  const exp = measureNode([CLI, 'export', '--parquet', parquet, '--db', file, '--json']);
  r.exportMs = exp.ms;
  r.exportRssMiB = exp.rssMiB;
  const size2 = folderSize(parquet);
  r.exportBytes = size2.bytes;
  r.exportFiles = size2.files;
  log('fixops import --parquet into a new file…');
  const imp = measureNode([CLI, 'import', '--parquet', parquet, '--db', imported, '--json']);
  r.importMs = imp.ms;
  r.importRssMiB = imp.rssMiB;
  const back = await openDatabase(imported);
  try {
    const after = await kpiChecksum(back);
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`KPIs differ after export and import: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
  } finally {
    back.close();
  }
  for (const p of [file, parquet, imported]) fresh(p);
  return r as Round;
}

// ---- the parent: rounds × sizes, then the doc ----

interface Measure {
  key: keyof Round;
  label: string;
  unit: string;
  /** value in the unit from the Round's raw number */
  scale: number;
  /** A cost that should grow with the network (gets a per-1,000-dealer-months rate, fit and growth exponent). */
  grows: boolean;
  target?: string;
}

const MEASURES: Measure[] = [
  { key: 'buildMs', label: 'bulk fixture build (read_csv of the generated files)', unit: 's', scale: 1e-3, grows: true },
  { key: 'fullMs', label: 'full recompute: every KPI and flag', unit: 's', scale: 1e-3, grows: true },
  { key: 'incrementalMs', label: 'incremental recompute after one dealer-month', unit: 'ms', scale: 1, grows: false },
  { key: 'loadMs', label: 'whole load of that dealer-month (ingest + recompute)', unit: 'ms', scale: 1, grows: false },
  { key: 'dealerReadMs', label: 'read one dealer\'s KPIs, 24 months (median of 30)', unit: 'ms', scale: 1, grows: false, target: '< 20 ms' },
  { key: 'networkReadMs', label: 'read the network\'s month, all dealers (median of 10)', unit: 'ms', scale: 1, grows: true },
  { key: 'dbBytes', label: 'database file', unit: 'MB', scale: 1e-6, grows: true },
  { key: 'exportMs', label: 'fixops export --parquet', unit: 's', scale: 1e-3, grows: true },
  { key: 'exportBytes', label: 'Parquet export on disk', unit: 'MB', scale: 1e-6, grows: true },
  { key: 'importMs', label: 'fixops import --parquet into a new file', unit: 's', scale: 1e-3, grows: true },
  { key: 'rssMiB', label: 'peak RSS: build, recompute, load, reads', unit: 'MiB', scale: 1, grows: false },
  { key: 'exportRssMiB', label: 'peak RSS: export', unit: 'MiB', scale: 1, grows: false },
  { key: 'importRssMiB', label: 'peak RSS: import', unit: 'MiB', scale: 1, grows: false },
];

const n0 = (n: number) => formatNumber(n, 0);

function render(list: number[], bySize: Map<number, Round[]>, nRounds: number, version: string): { md: string; figures: BenchFigure[] } {
  const first = (s: number) => bySize.get(s)![0]!;
  const values = (s: number, m: Measure) => bySize.get(s)!.map((r) => Number(r[m.key]) * m.scale);
  const dm = list.map((s) => first(s).dealerMonths);
  const rosPerDm = first(list.at(-1)!).ros / first(list.at(-1)!).dealerMonths;
  const head = `| | ${list.map((s) => `${s} dealers`).join(' | ')} |\n|---|${list.map(() => '---|').join('')}`;
  const sizeRows = [
    `| dealer-months | ${list.map((s) => n0(first(s).dealerMonths)).join(' | ')} |`,
    `| repair orders | ${list.map((s) => n0(first(s).ros)).join(' | ')} |`,
    `| KPI values / flags | ${list.map((s) => `${n0(first(s).kpiValues)} / ${n0(first(s).flags)}`).join(' | ')} |`,
    `| Parquet files written | ${list.map((s) => n0(first(s).exportFiles)).join(' | ')} |`,
  ];
  const rows = MEASURES.map((m) => {
    const cells = list.map((s) => formatSpread(spread(values(s, m))));
    const medians = list.map((s) => median(values(s, m)));
    let rate = '';
    let fit = '';
    let growth = '';
    if (m.grows) {
      rate = medians.map((v, i) => formatNumber((v / dm[i]!) * 1000)).join(' / ');
      const line = fitLine(dm, medians);
      fit = `${formatNumber(line.slope * 1000)} ${m.unit} per 1,000 dealer-months ${line.intercept >= 0 ? '+' : '−'} ${formatNumber(Math.abs(line.intercept))} ${m.unit} (r² ${line.r2.toFixed(3)})`;
      const b = growthExponent(dm, medians);
      growth = `${b.toFixed(2)} (${describeGrowth(b).en})`;
    } else {
      const b = medians.every((v) => v > 0) ? growthExponent(dm, medians) : Number.NaN;
      growth = Number.isFinite(b) ? `${b.toFixed(2)}` : '';
    }
    return `| ${m.label} (${m.unit}) | ${cells.join(' | ')} | ${rate} | ${fit} | ${growth} |`;
  });
  const measureHead = `| measure (min / median / max) | ${list.map((s) => `${s} dealers`).join(' | ')} | per 1,000 dealer-months (medians) | fitted line over the medians | growth b |\n|---|${list.map(() => '---|').join('')}---|---|---|`;

  // Extrapolation: from the largest measured size, at least linearly, and along the measured
  // growth exponent when that is steeper (never optimistic about a superlinear cost).
  const bigDm = dm.at(-1)!;
  const at = (key: keyof Round, x: number) => {
    const m = MEASURES.find((e) => e.key === key)!;
    const medians = list.map((s) => median(values(s, m)));
    const b = Math.max(1, growthExponent(dm, medians));
    return medians.at(-1)! * (x / bigDm) ** b;
  };
  const exponent = (key: keyof Round) => {
    const m = MEASURES.find((e) => e.key === key)!;
    return Math.max(1, growthExponent(dm, list.map((s) => median(values(s, m))))).toFixed(2);
  };
  const futures: [string, number][] = [['1,000 dealers × 24 months', 24_000], ['1,000 dealers × 60 months', 60_000], ['3,000 dealers × 60 months', 180_000]];
  const minutes = (ms: number) => (ms < 60_000 ? `${formatNumber(ms / 1000, 0)} s` : `${formatNumber(ms / 60_000, 1)} min`);
  const extrapolation = [
    `| network | repair orders | full recompute (b = ${exponent('fullMs')}) | bulk build (b = ${exponent('buildMs')}) | database file | Parquet export (b = ${exponent('exportMs')}) | import (b = ${exponent('importMs')}) |`,
    '|---|---|---|---|---|---|---|',
    ...futures.map(([label, x]) => `| ${label} | ${formatNumber((x * rosPerDm) / 1e6, 0)} M | ${minutes(at('fullMs', x) * 1000)} | ${minutes(at('buildMs', x) * 1000)} | ${formatNumber(at('dbBytes', x) / 1000, 1)} GB | ${formatNumber(at('exportBytes', x) / 1000, 1)} GB, ${minutes(at('exportMs', x) * 1000)} | ${minutes(at('importMs', x) * 1000)} |`),
  ];

  const md = `## Measured (\`pnpm bench:scaling\`)

${new Date().toISOString().slice(0, 10)} · ${renderMachine(machine(version))} · DuckDB memory limit ${settingOrFail('duckdbMemory')} · ${nRounds} ${nRounds === 1 ? 'round' : 'rounds'}; each round measures every size in turn, each in a fresh process with a fresh database file${isQuick() ? ' · **BENCH_QUICK=1: tiny sizes, the numbers mean nothing**' : ''}.
Load average (1 min) ${(loadavg()[0] ?? 0).toFixed(1)} when the doc was written; on this shared machine single figures vary by up to ±30 %, the medians and the fit over three sizes are steadier than any one number.

${head}
${sizeRows.join('\n')}

About ${formatNumber(rosPerDm, 0)} repair orders per dealer-month. After each import the KPI values and flags of the new file were checked identical to the exported database (row counts and checksums), in every round and size.

${measureHead}
${rows.join('\n')}

*Growth b*: cost ∝ (dealer-months)^b fitted on the medians — 1 is linear, below 1 fixed costs still weigh, above 1 each dealer costs more than the last. *Fitted line*: least squares over the medians, slope per 1,000 dealer-months plus a fixed part.

Extrapolated from the largest size measured, growing as (dealer-months)^b with b the measured growth exponent but at least 1 (same machine, same DuckDB memory limit; an estimate, not a measurement):

${extrapolation.join('\n')}

Reproduce: \`pnpm bench:scaling\` (BENCH_ROUNDS or BENCH_SCALING_ROUNDS, BENCH_SCALING_SIZES=50,150,300, FIXOPS_DUCKDB_MEMORY), or all benchmarks with \`pnpm bench\`.`;

  const small = list[0]!;
  const big = list.at(-1)!;
  const dmRatio = first(big).dealerMonths / first(small).dealerMonths;
  const figures = MEASURES.filter((m) => m.key !== 'exportRssMiB').map((m) => figure(`${String(m.key)}@${big}`, `${m.label}, ${big} dealers`, m.unit, values(big, m), {
    baseline: { id: `${small} dealers`, values: values(small, m) },
    ...(m.target ? { target: { text: m.target, max: 20 } } : m.grows ? { target: { text: `≤ ${formatNumber(dmRatio * 1.25, 1)}× (${formatNumber(dmRatio, 0)}× the dealer-months; linear +25%)`, on: 'ratio' as const, max: dmRatio * 1.25 } } : {}),
  }));
  return { md, figures };
}

async function parent(): Promise<void> {
  const list = sizes();
  const nRounds = rounds('scaling');
  const bySize = new Map<number, Round[]>(list.map((s) => [s, []]));
  await scaleNetwork(list.at(-1)!); // generate once, before any timing, if no network is on disk
  for (let round = 1; round <= nRounds; round++) {
    for (const size of list) {
      process.stderr.write(`round ${round}/${nRounds}: ${size} dealers × ${MONTHS} months\n`);
      const m = measureNode(['--import', 'tsx', SELF, '--size', String(size)], {}, { showStderr: true });
      const r = JSON.parse(m.stdout.trim().split('\n').at(-1)!) as Round;
      r.rssMiB = m.rssMiB;
      bySize.get(size)!.push(r);
    }
  }
  const { md, figures } = render(list, bySize, nRounds, await duckdbVersion());
  process.stdout.write(`${md}\n`);
  writeSectionFile(join(docsDir(), 'SCALING.md'), 'scaling', md, '# Scaling\n');
  writeBenchOut({ name: 'scaling', title: 'Scaling', command: 'pnpm bench:scaling', rounds: nRounds, figures });
}

const { values: args } = parseArgs({ options: { size: { type: 'string' } } });
if (args.size !== undefined) {
  const r = await measureOne(Number(args.size));
  process.stdout.write(`${JSON.stringify(r)}\n`);
} else {
  await parent();
}
