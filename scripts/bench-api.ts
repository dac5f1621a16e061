// pnpm bench:api — the HTTP API on the demo network, measured with autocannon from this process:
// GET one dealer's KPIs over 24 months with 50 connections for 20 s, alone and while a
// 200k-row upload is loading; and the server's RSS growth while a ~100 MB export is uploaded.
// Writes docs/PERFORMANCE.md.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openAsBlob, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon ships no types; only the result fields used below are relied on
import autocannon from 'autocannon';
import { writeBenchRepairOrders } from '@fixops/demo';
import { writeSection } from './lib/performanceDoc.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
const OUT = join(ROOT, 'bench-out');
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const URL_BASE = `http://127.0.0.1:${PORT}`;

interface Cannon { latency: { p50: number; p99: number; average: number }; requests: { average: number; total: number }; non2xx: number; errors: number }

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fixops ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${URL_BASE}/api/health`)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

function cannon(path: string, token: string): Promise<Cannon> {
  return autocannon({ url: `${URL_BASE}${path}`, connections: 50, duration: DURATION, headers: { authorization: `Bearer ${token}` } }) as Promise<Cannon>;
}

async function upload(file: string, token: string): Promise<{ ms: number; status: number }> {
  const form = new FormData();
  form.append('files', await openAsBlob(file), file.split('/').pop());
  const start = Date.now();
  const r = await fetch(`${URL_BASE}/api/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  await r.text();
  return { ms: Date.now() - start, status: r.status };
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('build first: pnpm build');
  mkdirSync(OUT, { recursive: true });
  const db = join(OUT, 'api-demo.duckdb');
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  process.stderr.write('loading the demo network…\n');
  cli(['demo', '--db', db]);
  cli(['users', 'add', 'bench', '--role', 'admin', '--db', db]);
  const token = cli(['tokens', 'create', 'bench', '--db', db]).split('\n').pop()!.trim();
  const big = join(OUT, 'upload-200k.csv');
  const huge = join(OUT, 'upload-100mb.csv');
  if (!existsSync(big)) await writeBenchRepairOrders(big, { rows: 200_000, encoding: 'utf-8', seed: 3, dealers: 12 });
  if (!existsSync(huge)) await writeBenchRepairOrders(huge, { rows: 650_000, encoding: 'utf-8', seed: 4, dealers: 12 });

  const server: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', String(PORT)], { env: { ...process.env, FIXOPS_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForHealth();
    const path = '/api/dealers/SH001/kpis?from=2024-01&to=2025-12';
    process.stderr.write('warm-up…\n');
    await autocannon({ url: `${URL_BASE}${path}`, connections: 10, duration: 3, headers: { authorization: `Bearer ${token}` } });
    process.stderr.write(`GET ${path}, 50 connections, ${DURATION} s…\n`);
    const alone = await cannon(path, token);
    process.stderr.write('the same while a 200k-row upload loads…\n');
    const [during, up] = await Promise.all([cannon(path, token), upload(big, token)]);
    process.stderr.write('RSS during a ~100 MB upload…\n');
    const before = rssMiB(server.pid!);
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, rssMiB(server.pid!)); }, 50);
    const hugeUp = await upload(huge, token);
    clearInterval(sampler);
    peak = Math.max(peak, rssMiB(server.pid!));

    const row = (label: string, c: Cannon, target: string) =>
      `| ${label} | ${c.latency.p50} | ${c.latency.p99} | ${Math.round(c.requests.average).toLocaleString('en-US')} | ${c.non2xx + c.errors} | ${target} |`;
    const md = `## HTTP API (\`pnpm bench:api\`)

${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · Node ${process.version} · demo network (12 dealers × 24 months) · autocannon in the benchmark process on the same machine, 50 connections, ${DURATION} s per run.

| run | p50 ms | p99 ms | requests/s | non-2xx + errors | target |
|---|---|---|---|---|---|
${row(`GET ${path}`, alone, 'p99 ≤ 25 ms')}
${row(`the same while a 200k-row upload loads (upload ${(up.ms / 1000).toFixed(1)} s, HTTP ${up.status})`, during, 'p99 ≤ 25 ms')}

Upload of a ${(statSync(huge).size / 1048576).toFixed(0)} MB export (HTTP ${hugeUp.status}, ${(hugeUp.ms / 1000).toFixed(1)} s): server RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB, growth **${(peak - before).toFixed(0)} MiB** (target < 200 MB).
Reproduce: \`pnpm bench:api\` (BENCH_SECONDS, BENCH_PORT).`;
    process.stdout.write(`${md}\n`);
    writeSection('api', md);
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
