// pnpm bench:web — the dashboard as users get it, from `fixops start` in a child process
// (API + pages on one port), BENCH_ROUNDS rounds (default 3), each on fresh database copies
// and fresh servers:
//   (a) JS shipped by the dealer page: every script Chromium loads for /dealers/SH001 (entry,
//       page nodes, chunks, layerchart), each gzipped here (zlib level 6), summed; the same for
//       the drill-down page /dealers/SH001/kpis/on_time_rate (its history chart drawn);
//   (b) server response time of /dealers/SH001?month=2025-12, logged in, on the demo network:
//       50 sequential requests after 5 warm-ups, time to the last byte; median and p95;
//   (c) sorting the network overview with 300 dealers in Chromium: click a column header, time
//       until the second animation frame after it (the sorted table laid out and painted);
//       5 columns × 2 directions per round. The 300-dealer database is the KPI benchmark's
//       generated scale network (data/generated/scale-300) with every KPI computed.
// Writes the web section of docs/PERFORMANCE.md and bench-out/web.json.
// Knobs: BENCH_ROUNDS, BENCH_QUICK (one round; (c) on the 12-dealer demo instead of 300).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { settingOrFail } from '@fixops/config';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase, transaction } from '@fixops/db';
import { recomputeAll } from '@fixops/metrics';
import { figure, spread, type Spread } from '@fixops/bench';
import { isQuick, outDir, ROOT, rounds } from './lib/benchEnv.js';
import { writeBenchOut } from './lib/benchOut.js';
import { writeSection } from './lib/performanceDoc.js';
import { bulkLoadScaleNetwork } from './lib/bulkLoad.js';
import { scaleNetwork } from './lib/scaleNetwork.js';

const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
const ROUNDS = rounds('web');
const OUT = outDir();
const DEALER_PAGE = '/dealers/SH001?month=2025-12';
const DRILL_PAGE = '/dealers/SH001/kpis/on_time_rate?month=2025-12';
const REQUESTS = isQuick() ? 10 : 50;
const SORT_COLUMNS = ['booking_rate', 'revenue_per_ro', 'churn_rate', 'flags', 'code'];
const BIG = isQuick() ? 0 : 300;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function cli(args: string[]): void {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`fixops ${args.join(' ')}: ${r.stderr}`);
}

/** The demo network, loaded once (bench-out/web-demo.duckdb). */
function demoBase(): string {
  const base = join(OUT, 'web-demo.duckdb');
  if (!existsSync(base)) {
    process.stderr.write('loading the demo network…\n');
    cli(['demo', '--db', `${base}.tmp`]);
    copyFileSync(`${base}.tmp`, base);
    rmSync(`${base}.tmp`, { force: true });
    rmSync(`${base}.tmp.wal`, { force: true });
  }
  return base;
}

/** 300 dealers × 24 months with every KPI computed (bench-out/web-300.duckdb; reuses the compare bench's file when it is there). */
async function bigBase(dealers: number): Promise<string> {
  const file = join(OUT, `web-${dealers}.duckdb`);
  if (existsSync(file)) return file;
  const compare = join(OUT, `compare-${dealers}.duckdb`);
  if (existsSync(compare)) {
    copyFileSync(compare, file);
    return file;
  }
  const network = await scaleNetwork(dealers);
  process.stderr.write(`loading ${dealers} dealers into DuckDB and computing every KPI (minutes)…\n`);
  const db = await openDatabase(`${file}.tmp`);
  await transaction(db.connection, () => bulkLoadScaleNetwork(db.connection, network.dir, network.subset ? network.dealers : undefined));
  await transaction(db.connection, () => recomputeAll(db.connection));
  await db.connection.run('CHECKPOINT');
  db.close();
  copyFileSync(`${file}.tmp`, file);
  rmSync(`${file}.tmp`, { force: true });
  return file;
}

interface Server { url: string; token: string; child: ChildProcess }

/** `fixops start` on a fresh copy of a database (no users: it creates admin and prints the token). */
async function startOn(base: string, name: string): Promise<Server> {
  const db = join(OUT, `web-run-${name}.duckdb`);
  for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
  copyFileSync(base, db);
  const child = spawn(process.execPath, [CLI, 'start', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fixops start printed no URL: ${out}\n${err}`)), 120_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /is running: (http:\/\/\S+)/.exec(out)?.[1];
      const token = /shown only this once[^\n]*\n\s+(\S+)/.exec(out)?.[1];
      if (url && token && out.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve({ url: url.replace('localhost', '127.0.0.1'), token, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`fixops start exited (${code}): ${err}`)));
  });
}

async function stop(s: Server): Promise<void> {
  const exited = new Promise<void>((resolve) => s.child.on('exit', () => resolve()));
  s.child.kill('SIGTERM');
  await exited;
}

async function sessionCookie(s: Server): Promise<string> {
  const r = await fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: s.token }) });
  if (!r.ok) throw new Error(`login: HTTP ${r.status}`);
  return r.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('fixops_session='))!;
}

async function browserLogin(browser: Browser, s: Server): Promise<Page> {
  const context = await browser.newContext({ baseURL: s.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('input[name="token"]').fill(s.token);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.locator('form button[type="submit"]').click()]);
  return page;
}

/** (a) Every script a page (the dealer page, the drill-down) loads, gzipped one by one. */
async function pageWeight(browser: Browser, s: Server, path: string): Promise<{ gzip: number; raw: number; files: number }> {
  const page = await browserLogin(browser, s);
  const scripts = new Map<string, Buffer>();
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script' && r.ok()) scripts.set(r.url(), await r.body());
  });
  // A fresh context cache: the login page's scripts came first, so go to the page in a new tab of the same session.
  const fresh = await page.context().newPage();
  fresh.on('response', async (r) => {
    if (r.request().resourceType() === 'script' && r.ok()) scripts.set(r.url(), await r.body());
  });
  await page.close();
  await fresh.goto(path, { waitUntil: 'networkidle' });
  await fresh.waitForFunction(() => document.querySelectorAll('figure[data-chart="trend"] svg').length > 0, undefined, { timeout: 30_000 });
  await fresh.waitForTimeout(500);
  await fresh.context().close();
  let gzip = 0;
  let raw = 0;
  for (const body of scripts.values()) {
    raw += body.length;
    gzip += gzipSync(body, { level: 6 }).length;
  }
  return { gzip: gzip / 1024, raw: raw / 1024, files: scripts.size };
}

/** (b) Sequential page requests with the session cookie: time to the last byte. */
async function responseTimes(s: Server): Promise<{ median: number; p95: number }> {
  const cookie = await sessionCookie(s);
  const once = async () => {
    const start = process.hrtime.bigint();
    const r = await fetch(`${s.url}${DEALER_PAGE}`, { headers: { cookie, accept: 'text/html' } });
    const body = await r.text();
    if (r.status !== 200 || !body.includes('SH001')) throw new Error(`dealer page: HTTP ${r.status}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < 5; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! };
}

/** (c) Column sorts on the overview: click → second animation frame. */
async function sortTimes(browser: Browser, s: Server): Promise<{ median: number; max: number; rows: number; idle: number }> {
  const page = await browserLogin(browser, s);
  await page.waitForFunction(() => document.body.dataset.hydrated === 'true');
  const rows = Number(await page.locator('table[data-testid="overview"]').getAttribute('data-rows'));
  // The machine's floor in the same page: a click whose handler does nothing, to the second frame.
  const idle: number[] = [];
  for (let i = 0; i < SORT_COLUMNS.length * 2; i++) {
    idle.push(await page.evaluate(async () => {
      const start = performance.now();
      document.body.click();
      await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      return performance.now() - start;
    }));
  }
  const times: number[] = [];
  for (const column of SORT_COLUMNS) {
    for (let i = 0; i < 2; i++) {
      times.push(await page.evaluate(async (col) => {
        const link = document.querySelector<HTMLAnchorElement>(`a[data-sort="${col}"]`)!;
        const start = performance.now();
        link.click();
        await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
        return performance.now() - start;
      }, column));
    }
  }
  // The last sort really took effect.
  const first = await page.locator('table[data-testid="overview"] tbody tr[data-dealer]').first().getAttribute('data-dealer');
  if (!first) throw new Error('overview has no rows after sorting');
  await page.context().close();
  times.sort((a, b) => a - b);
  idle.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, rows, idle: idle[Math.floor(idle.length / 2)]! };
}

interface Round { weight: { gzip: number; raw: number; files: number }; drill: { gzip: number; raw: number; files: number }; response: { median: number; p95: number }; sort: { median: number; max: number; rows: number; idle: number } }

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('build first: pnpm build');
  mkdirSync(OUT, { recursive: true });
  const demo = demoBase();
  const big = BIG > 0 ? await bigBase(BIG) : demo;
  const browser = await chromium.launch({ executablePath: settingOrFail('chromium'), args: CHROMIUM_ARGS });
  const runs: Round[] = [];
  try {
    for (let n = 1; n <= ROUNDS; n++) {
      process.stderr.write(`round ${n}/${ROUNDS}…\n`);
      const small = await startOn(demo, 'demo');
      let weight: Round['weight'];
      let drill: Round['drill'];
      let response: Round['response'];
      try {
        response = await responseTimes(small);
        weight = await pageWeight(browser, small, DEALER_PAGE);
        drill = await pageWeight(browser, small, DRILL_PAGE);
      } finally {
        await stop(small);
      }
      const large = await startOn(big, 'big');
      let sort: Round['sort'];
      try {
        sort = await sortTimes(browser, large);
      } finally {
        await stop(large);
      }
      runs.push({ weight, drill, response, sort });
    }
  } finally {
    await browser.close();
  }
  const of = (f: (r: Round) => number) => runs.map(f);
  const fmt = (s: Spread, digits = 0) => [s.min, s.median, s.max].map((v) => v.toLocaleString('en-US', { maximumFractionDigits: digits })).join(' / ');
  const row = (label: string, values: number[], unit: string, target = '', digits = 0) => `| ${label} | ${fmt(spread(values), digits)} ${unit} | ${target} |`;
  const rows = runs[0]!.sort.rows;
  const md = `## Dashboard (\`pnpm bench:web\`)

${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} · Node ${process.version} · \`fixops start\` (API + dashboard on one port) in a child process, Debian's Chromium through playwright-core and Node's fetch in the benchmark process on the same machine · ${ROUNDS} round${ROUNDS > 1 ? 's' : ''}, each on fresh database copies and fresh servers; figures are min / median / max over the rounds.

| measure | min / median / max | target |
|---|---|---|
${row(`JS shipped by the dealer page (${runs[0]!.weight.files} scripts Chromium loads, each gzipped, level 6)`, of((r) => r.weight.gzip), 'KB', '≤ 250 KB gzipped', 1)}
${row('… the same scripts uncompressed', of((r) => r.weight.raw), 'KB', '', 0)}
${row(`JS shipped by the drill-down page ${DRILL_PAGE.split('?')[0]} (${runs[0]!.drill.files} scripts, each gzipped, level 6)`, of((r) => r.drill.gzip), 'KB', '≤ 250 KB gzipped (aim 150)', 1)}
${row('… the same scripts uncompressed', of((r) => r.drill.raw), 'KB', '', 0)}
${row(`server response, GET ${DEALER_PAGE} logged in (demo network), median of ${REQUESTS}`, of((r) => r.response.median), 'ms', '≤ 150 ms', 1)}
${row('… p95', of((r) => r.response.p95), 'ms', '', 1)}
${row(`sorting the overview, ${rows} dealers, click → sorted table painted (median of ${SORT_COLUMNS.length * 2} sorts)`, of((r) => r.sort.median), 'ms', '< 100 ms', 1)}
${row('… slowest sort', of((r) => r.sort.max), 'ms', '< 100 ms', 1)}
${row('… for scale, the same page: a click that does nothing → second frame (median)', of((r) => r.sort.idle), 'ms', '', 1)}

(a) counts every script the page loads on a fresh visit (SvelteKit entry, the layout and page nodes, shared chunks, layerchart and its d3 parts); the build precompresses them (adapter-node \`precompress\`) and the server sends the brotli or gzip file the browser accepts, so the wire size is at most the gzip figure. (b) is time to the last byte of the server-rendered HTML (SvelteKit's load calls the API in-process: dealer, KPIs, peer quartiles, catalogue, settings, RO mix, advisors, flags, checklist). (c) ${BIG > 0 ? `uses the ${BIG}-dealer generated scale network (data/generated/scale-${BIG}, every KPI computed)` : 'uses the demo network (quick run)'}; the time runs from the click to the second animation frame after it, so it includes Svelte's update, style, layout and paint; above 120 rows the overview keeps only the rows near the viewport in the DOM once JS runs (the server renders them all). The machine is shared: the "click that does nothing" row is the floor in the same run, and the load average is printed with the date.
Reproduce: \`pnpm bench:web\` (BENCH_ROUNDS; BENCH_QUICK=1 for a quick check whose numbers mean nothing).`;
  process.stdout.write(`${md}\n`);
  writeSection('web', md);
  writeBenchOut({
    name: 'web', title: 'Dashboard', command: 'pnpm bench:web', rounds: ROUNDS,
    figures: [
      figure('js-gzip', 'JS shipped by the dealer page, gzipped', 'KB', of((r) => r.weight.gzip), { target: { text: '≤ 250 KB', max: 250 } }),
      figure('drill-js-gzip', 'JS shipped by the drill-down page, gzipped', 'KB', of((r) => r.drill.gzip), { target: { text: '≤ 250 KB', max: 250 } }),
      figure('dealer-page', 'dealer page server response, median', 'ms', of((r) => r.response.median), { target: { text: '≤ 150 ms', max: 150 } }),
      figure('dealer-page-p95', 'dealer page server response, p95', 'ms', of((r) => r.response.p95)),
      figure('sort', `overview sort, ${rows} dealers, median`, 'ms', of((r) => r.sort.median), { target: { text: '< 100 ms', max: 100 } }),
      figure('sort-max', `overview sort, ${rows} dealers, slowest`, 'ms', of((r) => r.sort.max), { target: { text: '< 100 ms', max: 100 } }),
    ],
  });
  for (const name of ['demo', 'big']) for (const f of [join(OUT, `web-run-${name}.duckdb`), join(OUT, `web-run-${name}.duckdb.wal`)]) rmSync(f, { force: true });
  void statSync;
}

await main();
