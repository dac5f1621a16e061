// pnpm bench:serve — do reads stay fast while the CLI loads a big file through the running server?
// (issue 13: reads within 2× of their idle p99 while the CLI loads a 1M-row file.)
// A copy of the demo network (12 dealers × 24 months) is served by `fixops serve`; an admin token
// reads two dashboard endpoints in a loop — a dealer's page (/api/dealers/:code/dashboard?month=)
// and its KPIs over a range (/api/dealers/:code/kpis?from=&to=[&kpi=]) — first on the idle server,
// then while `fixops ingest --confirm FILE` sends a generated repair-orders CSV over the local
// socket. The server remembers answers until the next write, so every request asks for a
// dealer/month/range not asked before: each is a real DuckDB read, never a remembered answer.
// Prints the p50/p99 of both phases and the ratio of the p99s; writes bench-out/serve-load.json.
// Not part of the test suite.
//   BENCH_SERVE_ROWS  rows of the generated file (default 1,000,000; BENCH_QUICK=1: 50,000)
//   BENCH_SERVE_IDLE_SECONDS  length of the idle phase (default 20; quick: 5)

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeBenchRepairOrders } from '@fixops/demo';
import { figure } from '@fixops/bench';
import { isQuick, outDir, ROOT, wholeNumberEnv } from './lib/benchEnv.js';
import { writeBenchOut } from './lib/benchOut.js';

const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
const ROWS = wholeNumberEnv('BENCH_SERVE_ROWS', isQuick() ? 50_000 : 1_000_000);
const IDLE_SECONDS = wholeNumberEnv('BENCH_SERVE_IDLE_SECONDS', isQuick() ? 5 : 20);
const DIR = join(outDir(), 'serve-load');
/** Big enough for a 1M-row file; the same value for the server and the CLI. */
const ENV = { ...process.env, FIXOPS_MAX_UPLOAD_MB: '4096', FIXOPS_LOG_LEVEL: 'warn', TZ: 'UTC' };

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: ENV, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`fixops ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  return new Promise((resolve, reject) => {
    const seen = (c: Buffer) => {
      text += c.toString();
      const m = /Fixops API: (http:\/\/\S+?)(\/api)?\s/.exec(text);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', () => reject(new Error(`fixops serve exited: ${text}`)));
  });
}

function shuffled<T>(xs: T[], seed = 7): T[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every read the loop may ask, each once: dealer pages per month, KPI ranges (and single KPIs). */
function readPaths(dealers: string[], months: string[], kpis: string[]): string[] {
  const paths: string[] = [];
  for (const d of dealers) {
    for (const m of months) paths.push(`/api/dealers/${d}/dashboard?month=${m}`);
    for (let i = 0; i < months.length; i++) {
      for (let j = i; j < months.length; j++) {
        paths.push(`/api/dealers/${d}/kpis?from=${months[i]}&to=${months[j]}`);
        for (const k of kpis) paths.push(`/api/dealers/${d}/kpis?from=${months[i]}&to=${months[j]}&kpi=${k}`);
      }
    }
  }
  return shuffled(paths);
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

async function main() {
  mkdirSync(DIR, { recursive: true });
  const base = join(DIR, 'demo.duckdb');
  if (!existsSync(base)) {
    process.stderr.write('loading the demo network…\n');
    cli(['demo', '--db', base]);
  }
  const served = join(DIR, 'served.duckdb');
  for (const f of [served, `${served}.wal`, `${served}.sock`]) rmSync(f, { force: true });
  copyFileSync(base, served);
  cli(['users', 'add', 'bench', '--role', 'admin', '--db', served]);
  const token = cli(['tokens', 'create', 'bench', '--db', served]).trim();
  const dealers = (JSON.parse(cli(['dealers', '--json', '--db', served])) as { code: string }[]).map((d) => d.code);
  const months = [...new Set((JSON.parse(cli(['kpis', '--json', '--dealer', dealers[0]!, '--db', served])) as { month: string }[]).map((k) => k.month))].sort();
  const file = join(DIR, `repair_orders_${ROWS}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`writing ${ROWS} repair orders…\n`);
    await writeBenchRepairOrders(file, { rows: ROWS, encoding: 'utf-8', dealers: dealers.length, months: months.length, endMonth: months.at(-1)! });
  }
  const paths = readPaths(dealers, months, ['ro_count', 'booking_rate', 'revenue_per_ro']);
  let next = 0;
  const { child: server, url } = await serve(served);
  const read = async (): Promise<number> => {
    const path = paths[next++ % paths.length]!;
    const start = process.hrtime.bigint();
    const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const idle: number[] = [];
  const loaded: number[] = [];
  let ingestMs = 0;
  let ingestOut = '';
  try {
    for (let i = 0; i < 20; i++) await read(); // warm-up
    const idleEnd = Date.now() + IDLE_SECONDS * 1000;
    while (Date.now() < idleEnd) idle.push(await read());
    process.stderr.write(`idle: ${idle.length} reads; loading ${ROWS} rows over the socket…\n`);
    const started = Date.now();
    const ingest = spawn(process.execPath, [CLI, 'ingest', '--confirm', file, '--db', served], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    ingest.stdout.on('data', (c: Buffer) => { ingestOut += c.toString(); });
    ingest.stderr.on('data', (c: Buffer) => { ingestOut += c.toString(); });
    let running = true;
    const exited = new Promise<number | null>((resolve) => ingest.on('exit', (code) => { running = false; resolve(code); }));
    // The load's first moments (reading the file) do not touch the database yet: all its time counts.
    while (running) loaded.push(await read());
    const code = await exited;
    ingestMs = Date.now() - started;
    if (code !== 0) throw new Error(`fixops ingest: exit ${code}\n${ingestOut}`);
  } finally {
    const stopped = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
  }
  if (next > paths.length) process.stderr.write(`note: ${next - paths.length} reads repeated an earlier one (remembered answers)\n`);
  const idleP99 = quantile(idle, 0.99);
  const loadP99 = quantile(loaded, 0.99);
  const ratio = loadP99 / idleP99;
  const size = (statSync(file).size / 1e6).toFixed(0);
  writeBenchOut({
    name: 'serve-load', title: 'Reads while the CLI loads through the server', command: 'pnpm bench:serve', rounds: 1,
    figures: [
      figure('read-idle', 'read latency, idle server', 'ms', idle),
      figure('read-loading', `read latency while \`fixops ingest\` loads ${ROWS} rows over the socket`, 'ms', loaded),
      figure('ingest', `fixops ingest of ${ROWS} rows over the socket`, 'ms', [ingestMs]),
    ],
  });
  const line = (name: string, xs: number[]) => `${name}: ${xs.length} reads · p50 ${quantile(xs, 0.5).toFixed(1)} ms · p99 ${quantile(xs, 0.99).toFixed(1)} ms · max ${Math.max(...xs).toFixed(1)} ms`;
  process.stdout.write([
    `Reads beside a load through the server (${dealers.length} dealers × ${months.length} months; file ${ROWS} rows, ${size} MB):`,
    `  ${line('idle', idle)}`,
    `  ${line('loading', loaded)}`,
    `  ingest over the socket: ${(ingestMs / 1000).toFixed(1)} s`,
    `  p99 loading / idle: ${ratio.toFixed(2)}× (target ≤ 2×: ${ratio <= 2 ? 'met' : 'not met'})`,
    '',
  ].join('\n'));
}

await main();
