// pnpm bench:api — the HTTP API on the demo network, measured with autocannon from this process
// against `fixops serve` in a child process, several rounds (BENCH_ROUNDS, default 3), each on a
// fresh copy of the demo database and a fresh server:
//   1. GET one dealer's KPIs over 24 months, 50 connections, BENCH_SECONDS (default 20) s;
//   2. the same while a 200k-row upload loads;
//   3. a ~100 MB upload on its own: the server's RSS growth (peak − before, sampled every 50 ms)
//      and the event-loop delay of its main thread (monitorEventLoopDelay, preloaded);
//   4. the largest allowed upload (a file at the byte limit, FIXOPS_MAX_UPLOAD_MB, 200 MB by
//      default) while autocannon reads: peak server RSS (< 1 GiB) and read p99 vs alone (≤ 2×);
//   5. a dealer user uploading that file (other dealers' rows): time to the 403 and peak RSS.
// Writes the api section of docs/PERFORMANCE.md and bench-out/api.json.
// Knobs: BENCH_SECONDS, BENCH_PORT, BENCH_ROUNDS, BENCH_QUICK (2 s runs, one round, smaller files).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, truncateSync } from 'node:fs';
import { cpus, getPriority, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { writeBenchRepairOrders } from '@fixops/demo';
import { figure, spread, type Spread } from '@fixops/bench';
import { settingOrFail } from '@fixops/config';
import { isQuick, outDir, ROOT, rounds, wholeNumberEnv } from './lib/benchEnv.js';
import { writeBenchOut } from './lib/benchOut.js';
import { writeSection } from './lib/performanceDoc.js';

/** 1-minute load average when the benchmark starts: how busy the shared machine was. */
const LOAD_AT_START = loadavg()[0]!.toFixed(1);
const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
const ELD_PRELOAD = join(ROOT, 'scripts', 'lib', 'event-loop-delay.cjs');
const PORT = wholeNumberEnv('BENCH_PORT', 3917);
const DURATION = wholeNumberEnv('BENCH_SECONDS', isQuick() ? 2 : 20);
const ROUNDS = rounds();
const UPLOAD_ROWS = isQuick() ? 20_000 : 200_000;
const HUGE_ROWS = isQuick() ? 60_000 : 650_000;
/** The byte limit per file (FIXOPS_MAX_UPLOAD_MB); the quick run uses a small stand-in. */
const LIMIT_BYTES = Math.floor(settingOrFail('maxUploadMb') * 1048576);
const LIMIT_FILE_BYTES = isQuick() ? 20 * 1048576 : LIMIT_BYTES;
/** The dealer user of round 5 (the file holds other dealers' rows too). */
const DEALER_USER = 'bench-dealer';
const URL_BASE = `http://127.0.0.1:${PORT}`;
const PATH = '/api/dealers/SH001/kpis?from=2024-01&to=2025-12';

interface Cannon { latency: { p50: number; p99: number; average: number }; requests: { average: number; total: number }; non2xx: number; errors: number }
interface Delay { p50: number; p99: number; max: number; samples: number }
interface Round {
  alone: Cannon;
  during: Cannon;
  upload: { ms: number; status: number };
  duringDelay: Delay;
  huge: { ms: number; status: number };
  rssBefore: number;
  rssPeak: number;
  hugeDelay: Delay;
  /** Round 4: the upload at the byte limit while autocannon reads. */
  limit: { ms: number; status: number };
  limitReads: Cannon;
  limitRssPeak: number;
  /** Round 5: the dealer's upload of that file, refused. */
  refused: { ms: number; status: number };
  refusedRssPeak: number;
}

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fixops ${args.join(' ')}: exit ${r.status ?? `by signal ${r.signal}`}${r.error ? ` (${r.error.message})` : ''}: ${r.stderr}`);
  return r.stdout.trim();
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${URL_BASE}/api/health`)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

function cannon(path: string, token: string, seconds = DURATION, connections = 50): Promise<Cannon> {
  return autocannon({ url: `${URL_BASE}${path}`, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } }) as Promise<Cannon>;
}

/**
 * Uploads with curl in a child process, so that sending the file does not take this process's
 * event loop away from autocannon (whose latencies it would otherwise inflate).
 */
async function upload(file: string, token: string, expect = 200, expectCode?: string): Promise<{ ms: number; status: number }> {
  const start = Date.now();
  const answer = join(outDir(), 'api-upload-answer.json');
  const child = spawn('curl', ['-s', '-o', answer, '-w', '%{http_code}', '-H', `authorization: Bearer ${token}`, '-F', 'confirm=true', '-F', `files=@${file};type=text/csv`, `${URL_BASE}/api/uploads`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const status = Number(out.trim());
  const ms = Date.now() - start;
  const body = existsSync(answer) ? readFileSync(answer, 'utf8') : '';
  rmSync(answer, { force: true });
  if (code !== 0 || status !== expect) throw new Error(`upload of ${file}: curl exit ${code}, HTTP ${out.trim()} ${body.slice(0, 300)}`);
  // A refusal must be the one measured (e.g. foreign_dealer_rows), not some other 403.
  if (expectCode !== undefined && (JSON.parse(body) as { error?: { code?: string } }).error?.code !== expectCode) throw new Error(`upload of ${file}: expected ${expectCode}, got ${body.slice(0, 300)}`);
  return { ms, status };
}

/** Asks the server's preloaded monitor for the event-loop delay since the last call. */
async function eventLoopDelay(server: ChildProcess, file: string): Promise<Delay> {
  rmSync(file, { force: true });
  server.kill('SIGUSR2');
  for (let i = 0; i < 100; i++) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      if (text) return JSON.parse(text) as Delay;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the server did not report its event-loop delay');
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

/** Peak RSS of `pid` (MiB, sampled every 50 ms) while `work` runs. */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = rssMiB(pid);
  const sampler = setInterval(() => { peak = Math.max(peak, rssMiB(pid)); }, 50);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, rssMiB(pid)) };
  } finally {
    clearInterval(sampler);
  }
}

/** Reads with autocannon for exactly as long as `work` runs. */
async function readsDuring<T>(token: string, work: () => Promise<T>): Promise<{ result: T; reads: Cannon }> {
  const run = autocannon({ url: `${URL_BASE}${PATH}`, connections: 50, duration: 3600, headers: { authorization: `Bearer ${token}` } });
  try {
    const result = await work();
    run.stop();
    return { result, reads: (await run) as Cannon };
  } catch (e) {
    run.stop();
    throw e;
  }
}

/** A file of `bytes` at most: bench repair orders cut at the last whole line. */
async function writeAtLimit(path: string, bytes: number): Promise<void> {
  await writeBenchRepairOrders(path, { rows: Math.ceil(bytes / 150), encoding: 'utf-8', seed: 5, dealers: 12 });
  if (statSync(path).size <= bytes) return;
  const fd = openSync(path, 'r');
  const tail = Buffer.alloc(64 * 1024);
  readSync(fd, tail, 0, tail.length, bytes - tail.length);
  closeSync(fd);
  truncateSync(path, bytes - tail.length + tail.lastIndexOf(0x0a) + 1);
}

async function round(n: number, demo: string, token: string, dealerToken: string, big: string, huge: string, atLimit: string): Promise<Round> {
  const db = join(outDir(), 'api-round.duckdb');
  for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
  rmSync(`${db}.tmp`, { recursive: true, force: true });
  copyFileSync(demo, db);
  if (existsSync(`${demo}.wal`)) copyFileSync(`${demo}.wal`, `${db}.wal`);
  const eldFile = join(outDir(), 'api-eld.json');
  const server = spawn(process.execPath, ['--require', ELD_PRELOAD, CLI, 'serve', '--db', db, '--port', String(PORT)], {
    env: { ...process.env, FIXOPS_LOG_LEVEL: 'warn', FIXOPS_ELD_FILE: eldFile }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth();
    process.stderr.write(`round ${n}/${ROUNDS}: warm-up…\n`);
    await cannon(PATH, token, Math.min(3, DURATION), 10);
    process.stderr.write(`round ${n}/${ROUNDS}: GET ${PATH}, 50 connections, ${DURATION} s…\n`);
    const alone = await cannon(PATH, token);
    process.stderr.write(`round ${n}/${ROUNDS}: the same while a ${UPLOAD_ROWS.toLocaleString('en-US')}-row upload loads…\n`);
    await eventLoopDelay(server, eldFile);
    const [during, up] = await Promise.all([cannon(PATH, token), upload(big, token)]);
    const duringDelay = await eventLoopDelay(server, eldFile);
    process.stderr.write(`round ${n}/${ROUNDS}: RSS and event-loop delay during a ${(statSync(huge).size / 1048576).toFixed(0)} MB upload…\n`);
    await new Promise((r) => setTimeout(r, 1000));
    const rssBefore = rssMiB(server.pid!);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, rssMiB(server.pid!)); }, 50);
    await eventLoopDelay(server, eldFile);
    const hugeUp = await upload(huge, token);
    const hugeDelay = await eventLoopDelay(server, eldFile);
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, rssMiB(server.pid!));
    const limitMb = (statSync(atLimit).size / 1048576).toFixed(0);
    process.stderr.write(`round ${n}/${ROUNDS}: a ${limitMb} MB upload (the byte limit) while 50 connections read…\n`);
    await new Promise((r) => setTimeout(r, 1000));
    const limitRun = await peakRss(server.pid!, () => readsDuring(token, () => upload(atLimit, token)));
    process.stderr.write(`round ${n}/${ROUNDS}: a dealer user's ${limitMb} MB upload of other dealers' rows…\n`);
    await new Promise((r) => setTimeout(r, 1000));
    const refusedRun = await peakRss(server.pid!, () => upload(atLimit, dealerToken, 403, 'foreign_dealer_rows'));
    return {
      alone, during, upload: up, duringDelay, huge: hugeUp, rssBefore, rssPeak, hugeDelay,
      limit: limitRun.result.result, limitReads: limitRun.result.reads, limitRssPeak: limitRun.peak, refused: refusedRun.result, refusedRssPeak: refusedRun.peak,
    };
  } finally {
    await stop(server);
    for (const f of [db, `${db}.wal`, eldFile]) rmSync(f, { force: true });
    rmSync(`${db}.tmp`, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('build first: pnpm build');
  const out = outDir();
  mkdirSync(out, { recursive: true });
  const demo = join(out, 'api-demo.duckdb');
  for (const f of [demo, `${demo}.wal`]) rmSync(f, { force: true });
  process.stderr.write('loading the demo network…\n');
  cli(['demo', '--db', demo]);
  cli(['users', 'add', 'bench', '--role', 'admin', '--db', demo]);
  const token = cli(['tokens', 'create', 'bench', '--db', demo]).split('\n').pop()!.trim();
  cli(['users', 'add', DEALER_USER, '--role', 'dealer', '--dealer', 'SH001', '--db', demo]);
  const dealerToken = cli(['tokens', 'create', DEALER_USER, '--db', demo]).split('\n').pop()!.trim();
  const big = join(out, `upload-${UPLOAD_ROWS / 1000}k.csv`);
  const huge = join(out, isQuick() ? 'upload-quick-huge.csv' : 'upload-100mb.csv');
  if (!existsSync(big)) await writeBenchRepairOrders(big, { rows: UPLOAD_ROWS, encoding: 'utf-8', seed: 3, dealers: 12 });
  if (!existsSync(huge)) await writeBenchRepairOrders(huge, { rows: HUGE_ROWS, encoding: 'utf-8', seed: 4, dealers: 12 });
  const atLimit = join(out, `upload-limit-${LIMIT_FILE_BYTES}.csv`);
  if (!existsSync(atLimit)) {
    process.stderr.write(`writing a ${(LIMIT_FILE_BYTES / 1048576).toFixed(0)} MiB file at the byte limit…\n`);
    await writeAtLimit(atLimit, LIMIT_FILE_BYTES);
  }

  const runs: Round[] = [];
  for (let n = 1; n <= ROUNDS; n++) runs.push(await round(n, demo, token, dealerToken, big, huge, atLimit));

  const of = (f: (r: Round) => number) => runs.map(f);
  const fmt = (s: Spread, digits = 0) => [s.min, s.median, s.max].map((v) => v.toLocaleString('en-US', { maximumFractionDigits: digits })).join(' / ');
  const row = (label: string, values: number[], unit: string, target = '', digits = 0) => `| ${label} | ${fmt(spread(values), digits)} ${unit} | ${target} |`;
  const hugeMb = (statSync(huge).size / 1048576).toFixed(0);
  const limitMb = (statSync(atLimit).size / 1048576).toFixed(0);
  const md = `## HTTP API (\`pnpm bench:api\`)

${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · Node ${process.version} · load average at the start ${LOAD_AT_START} (other work on the machine slows both sides)${getPriority() < 0 ? `, benchmark and server run at nice ${getPriority()} to shield them from it` : ''} · demo network (12 dealers × 24 months) · \`fixops serve\` in a child process, autocannon in the benchmark process on the same machine, 50 connections, ${DURATION} s per run · ${ROUNDS} round${ROUNDS > 1 ? 's' : ''}, each on a fresh copy of the demo database and a fresh server; figures are min / median / max over the rounds.

| measure | min / median / max | target |
|---|---|---|
${row(`p99, GET ${PATH}`, of((r) => r.alone.latency.p99), 'ms', 'p99 ≤ 25 ms')}
${row(`p99, the same while a ${UPLOAD_ROWS.toLocaleString('en-US')}-row upload loads`, of((r) => r.during.latency.p99), 'ms', 'p99 ≤ 25 ms')}
${row('p99 during ÷ p99 alone, per round (machine noise hits both)', of((r) => r.during.latency.p99 / r.alone.latency.p99), '×', '', 2)}
${row('p50 alone · during the upload', of((r) => r.alone.latency.p50), `ms · ${fmt(spread(of((r) => r.during.latency.p50)))} ms`)}
${row('requests/s alone', of((r) => r.alone.requests.average), '')}
${row('requests/s during the upload', of((r) => r.during.requests.average), '')}
${row('non-2xx answers + errors (alone + during)', of((r) => r.alone.non2xx + r.alone.errors + r.during.non2xx + r.during.errors), '', '0')}
${row(`${UPLOAD_ROWS.toLocaleString('en-US')}-row upload (${(statSync(big).size / 1048576).toFixed(0)} MB, HTTP 200), time`, of((r) => r.upload.ms / 1000), 's', '', 1)}
${row('event-loop delay during that upload + 50 connections: p99', of((r) => r.duringDelay.p99), 'ms', '', 1)}
${row('… max', of((r) => r.duringDelay.max), 'ms', '', 0)}
${row(`${hugeMb} MB upload alone (HTTP 200), time`, of((r) => r.huge.ms / 1000), 's', '', 1)}
${row(`server RSS growth during the ${hugeMb} MB upload (peak − before)`, of((r) => r.rssPeak - r.rssBefore), 'MiB', '< 200 MB')}
${row('server RSS before it', of((r) => r.rssBefore), 'MiB')}
${row(`event-loop delay during the ${hugeMb} MB upload: p99`, of((r) => r.hugeDelay.p99), 'ms', '', 1)}
${row('… max', of((r) => r.hugeDelay.max), 'ms')}
${row(`${limitMb} MB upload at the byte limit (FIXOPS_MAX_UPLOAD_MB${isQuick() ? '; quick: a stand-in' : ''}) while 50 connections read, time`, of((r) => r.limit.ms / 1000), 's', '', 1)}
${row('peak server RSS during it', of((r) => r.limitRssPeak), 'MiB', '< 1 GiB')}
${row('read p99 during it', of((r) => r.limitReads.latency.p99), 'ms')}
${row('read p99 during it ÷ p99 alone, per round', of((r) => r.limitReads.latency.p99 / r.alone.latency.p99), '×', '≤ 2×', 2)}
${row('non-2xx answers + errors of those reads', of((r) => r.limitReads.non2xx + r.limitReads.errors), '', '0')}
${row(`a dealer user's ${limitMb} MB upload of other dealers' rows: time to the 403`, of((r) => r.refused.ms / 1000), 's', '', 1)}
${row('peak server RSS during it', of((r) => r.refusedRssPeak), 'MiB', '< 1 GiB')}

Per round (p99 alone → during, ms; RSS growth, MiB; p99 during the ${limitMb} MB upload, ms; its peak RSS, MiB): ${runs.map((r) => `${r.alone.latency.p99} → ${r.during.latency.p99}; ${(r.rssPeak - r.rssBefore).toFixed(0)}; ${r.limitReads.latency.p99}; ${r.limitRssPeak.toFixed(0)}`).join(' · ')}.

How a load runs in the server: ingest's streaming pass (SHA-256, UTF-8 check or transcoding, record index) runs in a worker thread at a lower OS priority (nice +10), for files of 1 MiB or more, and hands back the record index by transfer; rejected rows are read and logged in batches with turns of the event loop between; DuckDB works within a 64 MB budget and one thread while the load runs (FIXOPS_LOAD_MEMORY, FIXOPS_LOAD_THREADS), spilling to the temp folder beside the database, and gets its usual budget and threads back afterwards. The CLI keeps its 512 MB and all threads.
Event-loop delay: \`perf_hooks.monitorEventLoopDelay\` preloaded into the server (scripts/lib/event-loop-delay.cjs), delay beyond its 5 ms sampling interval. For one load measured from inside the process (main-thread delay, peak RSS growth, per phase): \`npx tsx scripts/probe-load.ts DB FILE [--worker|--no-worker] [--memory 64MB] [--threads 1]\`.
Reproduce: \`pnpm bench:api\` (BENCH_ROUNDS, BENCH_SECONDS, BENCH_PORT; BENCH_QUICK=1 for a quick check whose numbers mean nothing).`;
  process.stdout.write(`${md}\n`);
  writeSection('api', md);
  writeBenchOut({
    name: 'api', title: 'HTTP API', command: 'pnpm bench:api', rounds: ROUNDS,
    figures: [
      figure('p99', 'p99 of one dealer\'s KPIs, 50 connections', 'ms', of((r) => r.alone.latency.p99), { target: { text: '≤ 25 ms', max: 25 } }),
      figure('p99-upload', 'p99 while a 200k-row upload loads', 'ms', of((r) => r.during.latency.p99), { target: { text: '≤ 25 ms', max: 25 } }),
      figure('p99-ratio', 'p99 during the upload ÷ p99 alone (per round)', '×', of((r) => r.during.latency.p99 / r.alone.latency.p99)),
      figure('rss-100mb', `server RSS growth, ${hugeMb} MB upload`, 'MiB', of((r) => r.rssPeak - r.rssBefore), { target: { text: '< 200 MB', max: 200e6 / 1048576 } }),
      figure('eld-upload-p99', `event-loop delay p99, ${hugeMb} MB upload`, 'ms', of((r) => r.hugeDelay.p99)),
      figure('eld-upload-max', `event-loop delay max, ${hugeMb} MB upload`, 'ms', of((r) => r.hugeDelay.max)),
      figure('rss-limit-upload', `peak server RSS, ${limitMb} MB upload at the byte limit with reads`, 'MiB', of((r) => r.limitRssPeak), { target: { text: '< 1 GiB', max: 1024 } }),
      figure('p99-limit-ratio', `read p99 during the ${limitMb} MB upload ÷ p99 alone (per round)`, '×', of((r) => r.limitReads.latency.p99 / r.alone.latency.p99), { target: { text: '≤ 2×', max: 2 } }),
      figure('dealer-refusal', `dealer's ${limitMb} MB upload of other dealers' rows: time to the 403`, 's', of((r) => r.refused.ms / 1000)),
      figure('rss-dealer-refusal', `peak server RSS, dealer's ${limitMb} MB refused upload`, 'MiB', of((r) => r.refusedRssPeak), { target: { text: '< 1 GiB', max: 1024 } }),
    ],
  });
}

await main();
