// The CLI beside a running server: with `fixops serve` holding a database, each command goes
// over the local socket and prints what the same command prints on an idle copy of the file
// (same stdout, stderr for errors, exit code); writes are visible to the API at once; the
// socket is 0600 and removed on shutdown; a stale socket neither breaks the CLI nor the server.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, demoCopy, fixops, MAIN, tempDir } from '../test-helpers/run.js';

const EAST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'data', 'comparisons', 'east-region-service-scorecard.yaml');
const DB = 'fixops.duckdb';

let served: string;
let idle: string;
let server: ChildProcess;
let url: string;
let adminToken: string;

/** The built CLI in `cwd`, without FIXOPS_DB, as an operator would type it there. */
function run(cwd: string, args: string[]) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), TZ: 'UTC' };
  delete env.FIXOPS_DB;
  const r = spawnSync(process.execPath, [MAIN, ...args, '--db', DB], { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** What differs between two runs of the same command by nature: clocks and durations. */
const normal = (s: string) => s
  .replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?/g, '<time>')
  .replace(/"(\w*(ms|Ms|duration\w*|seconds))": [\d.]+/g, '"$1": <n>')
  .replace(/"phases": \{[^}]*\}/g, '"phases": {}')
  .replace(/\d+ ms\b/g, '<n> ms');

/** Runs on the served file and on the idle copy; both must print the same and exit alike. */
function same(args: string[], expectedCode = 0) {
  const remote = run(served, args);
  const local = run(idle, args);
  expect(remote.code, `served: fixops ${args.join(' ')}: ${remote.stderr}`).toBe(expectedCode);
  expect(local.code, `idle: fixops ${args.join(' ')}: ${local.stderr}`).toBe(expectedCode);
  expect(normal(remote.stdout)).toBe(normal(local.stdout));
  if (expectedCode !== 0) expect(remote.stderr).toBe(local.stderr);
  return remote;
}

function startServer(cwd: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN, 'serve', '--db', DB, '--port', '0'], { cwd, env: { ...process.env, TZ: 'UTC', FIXOPS_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.resume();
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${stderr}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /Fixops API: (http:\/\/[^\s/]+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.on('exit', () => reject(new Error(`exited: ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/** A socket file with nobody behind it, as a killed server leaves it. */
function staleSocket(path: string) {
  spawnSync(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`]);
  expect(statSync(path).isSocket()).toBe(true);
}

const ROWS = [
  ...Array.from({ length: 200 }, (_, i) => `SH001,REM${i},LREM${i},2025-06-0${1 + (i % 9)} 09:00,保养,100,REM-B${i}`),
  'SH001,REMBAD,LREMBAD,not a date,保养,100,',
];
const SCORES = 'id,score,note\nfront_desk.core_process,100,预约、估价流程执行不到位\nfront_desk.5s_safety,43,\n';

beforeAll(async () => {
  const base = join(tempDir(), DB);
  await demoCopy(base);
  expect(fixops(['users', 'add', 'root', '--role', 'admin', '--db', base]).code).toBe(0);
  adminToken = fixops(['tokens', 'create', 'root', '--db', base]).stdout.trim();
  served = tempDir();
  idle = tempDir();
  for (const dir of [served, idle]) {
    copyFileSync(base, join(dir, DB));
    writeFileSync(join(dir, 'ro.csv'), `经销商代码,工单号,VIN,进厂时间,维修类型,总金额,预约单号\n${ROWS.join('\n')}\n`);
    writeFileSync(join(dir, 'scores.csv'), SCORES);
    copyFileSync(EAST, join(dir, 'east.yaml'));
  }
  // A killed server's socket beside the served file: the new server replaces it.
  staleSocket(join(served, `${DB}.sock`));
  ({ child: server, url } = await startServer(served));
});

afterAll(async () => {
  if (server && server.exitCode === null) await stop(server);
  cleanup();
});

describe('every command beside a running server', () => {
  it('listens on a socket only its user can use', () => {
    expect(statSync(join(served, `${DB}.sock`)).mode & 0o777).toBe(0o600);
  });

  it('adds a user and a token that the API knows at once', async () => {
    same(['users', 'add', 'carol', '--role', 'consultant']);
    const users = await fetch(`${url}/api/users`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(users.status).toBe(200);
    expect(JSON.stringify(await users.json())).toContain('"carol"');
    const remote = run(served, ['tokens', 'create', 'carol']);
    const local = run(idle, ['tokens', 'create', 'carol']);
    expect([remote.code, local.code]).toEqual([0, 0]);
    const token = remote.stdout.trim();
    expect(token).toMatch(/^\S{20,}$/);
    expect(local.stdout.trim()).toMatch(/^\S{20,}$/);
    expect(normal(remote.stderr)).toBe(normal(local.stderr));
    expect((await fetch(`${url}/api/dealers`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    same(['users', '--json']);
  });

  it('loads a file, and the API serves the new KPIs at once', async () => {
    const roCount = (out: string) => (JSON.parse(out) as { kpi: string; value: number }[]).find((k) => k.kpi === 'ro_count')!.value;
    const before = roCount(same(['kpis', '--json', '--dealer', 'SH001', '--month', '2025-06']).stdout);
    // The API remembers this answer until the next write: the load must clear it.
    const apiRoCount = async () => {
      const res = await fetch(`${url}/api/dealers/SH001/kpis?from=2025-06&to=2025-06&kpi=ro_count`, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { value: number }[])[0]!.value;
    };
    expect(await apiRoCount()).toBe(before);
    expect(before).not.toBe(200);
    // The file's 200 repair orders replace what SH001 had for 2025-06.
    const loaded = JSON.parse(same(['ingest', '--json', 'ro.csv']).stdout) as { loadId: number; rowsRejected: number }[];
    expect(loaded[0]!.rowsRejected).toBe(1);
    expect(roCount(same(['kpis', '--json', '--dealer', 'SH001', '--month', '2025-06']).stdout)).toBe(200);
    expect(await apiRoCount()).toBe(200);
    same(['loads', '--json']);
    same(['rejects', '--load', String(loaded[0]!.loadId), '--csv']);
  });

  it('reads KPIs, flags, benchmarks, reports and comparisons as on the idle file', () => {
    same(['kpis', '--json', '--month', '2025-12']);
    same(['flags', '--json', '--month', '2025-12']);
    same(['benchmark', '--month', '2025-12', '--kpi', 'booking_rate']);
    same(['rows', '--dealer', 'SZ009', '--month', '2025-12', '--kpi', 'on_time_rate', '--json']);
    same(['rows', '--dealer', 'SZ009', '--month', '2025-12', '--kpi', 'revenue', '--csv']);
    same(['compare', 'east.yaml', '--month', '2025-12', '--format', 'json']);
  });

  it('changes settings and saves assessments', () => {
    same(['settings', 'set', 'target.booking_rate', '0.5']);
    same(['dealers', 'set', 'SZ009', '--region', '西南', '--peer-group', 'city']);
    same(['dealers', '--json']);
    same(['settings', '--json']);
    same(['flags', '--json', '--kpi', 'booking_rate']);
    same(['assess', '--dealer', 'SZ009', '--date', '2025-12-05', '--scores', 'scores.csv', '--json']);
    same(['report', '--dealer', 'SZ009', '--month', '2025-12', '--format', 'md']);
  });

  it('exports Parquet into the caller\'s folder', () => {
    same(['export', '--parquet', 'pq']);
    const list = (dir: string) => readdirSync(join(dir, 'pq'), { recursive: true }).map(String).sort();
    expect(list(served)).toEqual(list(idle));
    expect(list(served).length).toBeGreaterThan(10);
  });

  it('finds the server through FIXOPS_DB as well as --db', () => {
    const r = fixops(['users', '--json'], { FIXOPS_DB: join(served, DB) });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { name: string }[]).map((u) => u.name)).toContain('carol');
  });

  it('gives the same usage error and exit code 2', () => {
    const r = same(['kpis', '--month', '2025-13'], 2);
    expect(r.stderr).toContain('2025-13');
  });

  it('refuses what needs the file alone, and says so', () => {
    const r = run(served, ['import', '--parquet', 'pq']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stop the server first');
    expect(r.stderr).toContain('独占');
    const second = run(served, ['serve', '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('held by a running Fixops server');
  });

  it('backs up while serving: the copy has the same KPIs and flags', async () => {
    same(['backup', 'copy.duckdb']);
    const again = run(served, ['backup', 'copy.duckdb']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect(run(served, ['backup', 'copy.duckdb', '--force']).code).toBe(0);
    const kpis = run(served, ['kpis', '--json']).stdout;
    const flags = run(served, ['flags', '--json']).stdout;
    // The copy opens on its own while the server keeps the original.
    const copy = join(served, 'copy.duckdb');
    expect(fixops(['kpis', '--json', '--db', copy]).stdout).toBe(kpis);
    expect(fixops(['flags', '--json', '--db', copy]).stdout).toBe(flags);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('writes --out files (workbooks, CSV) in the caller\'s folder, the same as on the idle file', async () => {
    const cells = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const ws = wb.worksheets[0]!;
      const rows: unknown[] = [];
      ws.eachRow((row, n) => {
        if (n > 1) rows.push(row.values);
      });
      return { title: ws.getCell('A1').value as string, rows };
    };
    for (const args of [['kpis', '--month', '2025-12'], ['flags', '--month', '2025-12'], ['coverage', '--from', '2025-10', '--to', '2025-12'], ['compare', 'east.yaml', '--month', '2025-12']]) {
      const r = same([...args, '--format', 'xlsx', '--out', 'out.xlsx']);
      expect(r.stderr).toContain('out.xlsx');
      const [remote, local] = [await cells(join(served, 'out.xlsx')), await cells(join(idle, 'out.xlsx'))];
      expect(remote.rows.length, args.join(' ')).toBeGreaterThan(0);
      expect(normal(JSON.stringify(remote.rows))).toEqual(normal(JSON.stringify(local.rows)));
      expect(remote.title.replace(/\d\d:\d\d$/, '')).toBe(local.title.replace(/\d\d:\d\d$/, ''));
    }
    same(['compare', 'east.yaml', '--month', '2025-12', '--format', 'csv', '--out', 'out.csv']);
    expect(readFileSync(join(served, 'out.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(readFileSync(join(served, 'out.csv'), 'utf8')).toBe(readFileSync(join(idle, 'out.csv'), 'utf8'));
    // Errors as on the idle file: xlsx without --out (2), a folder that does not exist (1).
    same(['kpis', '--format', 'xlsx'], 2);
    const missing = same(['kpis', '--format', 'xlsx', '--out', 'nope/k.xlsx'], 1);
    expect(missing.stderr).toContain('Cannot write nope/k.xlsx: the folder does not exist');
    expect(readdirSync(served).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('ignores a stale socket beside an idle file', () => {
    staleSocket(join(idle, `${DB}.sock`));
    const r = run(idle, ['users', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { name: string }[]).map((u) => u.name)).toContain('carol');
  });

  it('removes its socket on shutdown', async () => {
    expect(await stop(server)).toBe(0);
    expect(existsSync(join(served, `${DB}.sock`))).toBe(false);
  });
});
