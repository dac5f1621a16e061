// pnpm bench:cli — what a `fixops` command costs when a running server holds the database and
// the command goes over the local socket, against the same command on an idle file. Two copies
// of the demo database: `fixops serve` holds one; the other stays idle. Each command runs 10
// times on each (alternating), as a child process the way an operator types it:
//   (r) `fixops kpis --json --month 2025-12` (a read)   (w) `fixops settings set target.booking_rate 0.3` (a write + recompute)
// Figures: idle and served medians, the served/idle ratio and the served − idle overhead, whose
// target is at most +300 ms (issue 13). Writes the cli section of docs/PERFORMANCE.md and bench-out/cli.json.
//   BENCH_CLI_REPEAT (default 10; BENCH_QUICK=1: 3)

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { figure } from '@fixops/bench';
import { isQuick, outDir, ROOT, wholeNumberEnv } from './lib/benchEnv.js';
import { writeBenchOut } from './lib/benchOut.js';
import { writeSection } from './lib/performanceDoc.js';

const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
const REPEAT = wholeNumberEnv('BENCH_CLI_REPEAT', isQuick() ? 3 : 10);
const DIR = join(outDir(), 'cli');
const COMMANDS: { id: string; label: string; args: string[] }[] = [
  { id: 'read', label: 'fixops kpis --json --month 2025-12', args: ['kpis', '--json', '--month', '2025-12'] },
  { id: 'write', label: 'fixops settings set target.booking_rate 0.3', args: ['settings', 'set', 'target.booking_rate', '0.3'] },
];

function timedRun(db: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, ...args, '--db', db], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`fixops ${args.join(' ')} --db ${db}: exit ${r.status}: ${r.stderr}`);
  return ms;
}

function serve(db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      if (err.includes('Fixops API:')) resolve(child);
    });
    child.on('exit', () => reject(new Error(`fixops serve exited: ${err}`)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  mkdirSync(DIR, { recursive: true });
  const base = join(DIR, 'demo.duckdb');
  if (!existsSync(base)) {
    process.stderr.write('loading the demo network…\n');
    const r = spawnSync(process.execPath, [CLI, 'demo', '--db', base], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`fixops demo: ${r.stderr}`);
  }
  const idle = join(DIR, 'idle.duckdb');
  const served = join(DIR, 'served.duckdb');
  for (const f of [idle, served]) {
    rmSync(`${f}.wal`, { force: true });
    copyFileSync(base, f);
  }
  const server = await serve(served);
  const figures = [];
  const lines: string[] = [];
  const rows: string[] = [];
  const range = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return `${s[0]!.toFixed(0)} / ${median(xs).toFixed(0)} / ${s.at(-1)!.toFixed(0)}`; };
  try {
    for (const c of COMMANDS) {
      timedRun(idle, c.args);
      timedRun(served, c.args);
      const onIdle: number[] = [];
      const onServed: number[] = [];
      for (let i = 0; i < REPEAT; i++) {
        onIdle.push(timedRun(idle, c.args));
        onServed.push(timedRun(served, c.args));
      }
      const overhead = onServed.map((v, i) => v - onIdle[i]!);
      figures.push(
        figure(`${c.id}-idle`, `(${c.id[0]}) ${c.label}, idle file`, 'ms', onIdle),
        figure(`${c.id}-served`, `(${c.id[0]}) ${c.label}, through the running server`, 'ms', onServed, { baseline: { id: `${c.id}-idle`, values: onIdle } }),
        figure(`${c.id}-overhead`, `(${c.id[0]}) served − idle`, 'ms', overhead, { target: { text: '≤ +300 ms', max: 300 } }),
      );
      rows.push(`| \`${c.label}\` | ${range(onIdle)} | ${range(onServed)} | ${(median(onServed) / median(onIdle)).toFixed(2)} | ${median(overhead).toFixed(0)} | ≤ +300 ms: ${median(overhead) <= 300 ? 'met' : 'not met'} |`);
      lines.push(`${c.label}: idle ${median(onIdle).toFixed(0)} ms · served ${median(onServed).toFixed(0)} ms · ratio ${(median(onServed) / median(onIdle)).toFixed(2)} · overhead (median of differences) ${median(overhead).toFixed(0)} ms (target ≤ +300 ms)`);
    }
  } finally {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  writeBenchOut({ name: 'cli', title: 'CLI beside a running server', command: 'pnpm bench:cli', figures, rounds: REPEAT });
  process.stdout.write(`CLI beside a running server (median of ${REPEAT}):\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  const md = `## CLI beside a running server (\`pnpm bench:cli\`)

${new Date().toISOString().slice(0, 10)} · Node ${process.version} · the demo network (12 dealers × 24 months) · each command ${REPEAT} times on an idle copy and through \`fixops serve\` holding the other copy (local socket), alternating, as a child process.

| command | idle ms (min / median / max) | served ms (min / median / max) | served/idle (medians) | served − idle, median ms | target |
|---|---|---|---|---|---|
${rows.join('\n')}

Through the server a command skips opening DuckDB and checking migrations, which is most of an idle run.
Reproduce: \`pnpm bench:cli\` (BENCH_CLI_REPEAT; BENCH_QUICK=1 to check it runs).`;
  writeSection('cli', md);
}

await main();
