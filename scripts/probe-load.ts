// One load, measured from inside the process that runs it (what `pnpm bench:api` sees from
// outside): event-loop delay on the main thread (perf_hooks.monitorEventLoopDelay), peak RSS
// growth (VmHWM, reset before the load) and DuckDB's memory by tag at the end of each phase.
// Usage: tsx scripts/probe-load.ts DB FILE [--worker|--no-worker] [--memory 128MB] [--threads N]
// The database file is copied first (the original is left as it is).

import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { settingOrFail } from '@fixops/config';
import { openDatabase, queryJson } from '@fixops/db';
import * as currentIngest from '@fixops/ingest';
import { recomputeAfterLoad } from '@fixops/metrics';

const args = process.argv.slice(2);
const [dbArg, file] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(memory|threads)$/));
if (!dbArg || !file) throw new Error('usage: tsx scripts/probe-load.ts DB FILE [--worker|--no-worker] [--memory 128MB]');
const worker = args.includes('--no-worker') ? false : args.includes('--worker') ? true : undefined;
const memIdx = args.indexOf('--memory');
const memoryLimit = memIdx >= 0 ? args[memIdx + 1] : undefined;
const threadsIdx = args.indexOf('--threads');
const threads = threadsIdx >= 0 ? Number(args[threadsIdx + 1]) : undefined;

// INGEST_MODULE=path/to/another/build/index.js compares with another build of the ingest package.
const { ingestFile } = (process.env.INGEST_MODULE ? await import(process.env.INGEST_MODULE) : currentIngest) as typeof currentIngest;
const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const db = `${dbArg}.probe`;
for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
copyFileSync(dbArg, db);
if (existsSync(`${dbArg}.wal`)) copyFileSync(`${dbArg}.wal`, `${db}.wal`);
const d = await openDatabase(db, { memoryLimit });
if (threads) await d.connection.run(`SET threads = ${threads}`);
const side = await d.instance.connect();
const duck = async () => Object.fromEntries((await queryJson<{ tag: string; mb: number; tmp: number }>(side,
  'SELECT tag, round(memory_usage_bytes / 1048576)::INT AS mb, round(temporary_storage_bytes / 1048576)::INT AS tmp FROM duckdb_memory() WHERE memory_usage_bytes + temporary_storage_bytes > 1048576'))
  .map((r) => [r.tag, `${r.mb}${r.tmp ? `+${r.tmp} spilled` : ''}`]));

const base = kib('VmRSS');
writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM
const eld = monitorEventLoopDelay({ resolution: 10 });
eld.enable();
const phaseEld = monitorEventLoopDelay({ resolution: 10 });
phaseEld.enable();
/** Each phase's own event-loop delay (max), so a stall can be put down to its phase. */
function phaseEnd(name: string, ms: number): void {
  process.stderr.write(`${name}${ms ? ` ${ms} ms` : ''} · event-loop delay max ${(phaseEld.max / 1e6).toFixed(0)} ms · RSS ${kib('VmRSS').toFixed(0)} MiB\n`);
  phaseEld.reset();
}
const started = Date.now();
const summary = await ingestFile(d.connection, file, {
  worker,
  onPhase: (name, ms) => phaseEnd(name, ms),
  afterStore: async (c, change) => {
    phaseEnd('store rows', 0);
    await recomputeAfterLoad(c, change);
    phaseEnd('recompute', 0);
  },
});
phaseEnd('load log and commit', 0);
eld.disable();
const ms = (ns: number) => +(ns / 1e6).toFixed(1);
console.log(JSON.stringify({
  status: summary.status, rows: summary.rowsLoaded, error: summary.error?.code, worker: worker ?? 'auto', threads: threads ?? 'default', memoryLimit: memoryLimit ?? settingOrFail('duckdbMemory'),
  loadMs: Date.now() - started, phases: summary.phases,
  eventLoopDelayMs: { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max) },
  rssMiB: { before: Math.round(base), peak: Math.round(kib('VmHWM')), growth: Math.round(kib('VmHWM') - base) },
  duckdbAtEnd: await duck(),
}));
side.closeSync();
d.close();
for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
