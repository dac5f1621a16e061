// An outsider's probe of issue 12's holes, with plain HTTP only: run by hand against `fixops start`
// on a throw-away database (the default: a temp folder, loopback, the demo network), or against
// a running instance given as PROBE_URL + PROBE_ADMIN_TOKEN (it adds users, tokens and loads
// there: never point it at real data). One line per check, PASS or FAIL; exits 1 on any FAIL.
//   npx tsx scripts/probe-security.ts            (builds nothing: run `pnpm build` first)
//   PROBE_URL=http://127.0.0.1:3000 PROBE_ADMIN_TOKEN=… npx tsx scripts/probe-security.ts
// Bounded: about 60 requests, the largest body about 100 KB; the whole run takes well under a minute
// once the server is up (a first start loads the demo network, about half a minute).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/benchEnv.js';

const CLI = join(ROOT, 'apps', 'cli', 'dist', 'main.js');
/** The parts of our answers the checks read: an error, load summaries, a load list. */
interface Json {
  error?: { code?: string; message?: string; details?: { limit?: string; files?: { loadId?: number; error?: { code?: string } }[] } };
  loads?: { id: number; dealers: string[] }[];
  [index: number]: { loadId?: number } | undefined;
}
interface Answer { status: number; headers: Headers; text: string; json: Json | null }

let base = '';
const results: { name: string; ok: boolean; why: string }[] = [];

async function http(path: string, init: RequestInit & { token?: string } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const r = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  const text = await r.text();
  let json: Json | null = null;
  try { json = JSON.parse(text) as Json; } catch { /* not JSON */ }
  return { status: r.status, headers: r.headers, text, json };
}

const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
  http(path, { method: 'POST', token, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

function upload(token: string, files: { name: string; data: string }[], fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([f.data], { type: 'text/csv' }), f.name);
  return http('/api/uploads', { method: 'POST', token, headers, body: form });
}

async function check(name: string, run: () => Promise<string | true>): Promise<void> {
  try {
    const r = await run();
    results.push({ name, ok: r === true, why: r === true ? '' : r });
  } catch (e) {
    results.push({ name, ok: false, why: `threw: ${(e as Error).message}` });
  }
  const last = results.at(-1)!;
  process.stdout.write(`${last.ok ? 'PASS' : 'FAIL'}  ${name}${last.ok ? '' : ` — ${last.why}`}\n`);
}

const expectStatus = (a: Answer, status: number, code?: string): string | true =>
  a.status === status && (code === undefined || a.json?.error?.code === code)
    ? true
    : `expected ${status}${code ? ` ${code}` : ''}, got ${a.status} ${a.text.slice(0, 160)}`;

/** Starts `fixops start` on a fresh database in a temp folder; answers its URL and admin token. */
async function startServer(dir: string): Promise<{ server: ChildProcess; url: string; token: string }> {
  const server = spawn(process.execPath, [CLI, 'start', '--db', join(dir, 'fixops.duckdb'), '--port', '0', '--host', '127.0.0.1'], {
    cwd: dir, env: { ...process.env, FIXOPS_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  server.stderr.on('data', () => undefined);
  for (let i = 0; i < 1800; i++) {
    const url = /is running: (http:\/\/\S+)/.exec(out)?.[1];
    const token = /Admin token[^\n]*\n\s+(\S+)/.exec(out)?.[1];
    if (url && token) return { server, url: url.replace('localhost', '127.0.0.1'), token };
    if (server.exitCode !== null) throw new Error(`fixops start exited ${server.exitCode}: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill('SIGTERM');
  throw new Error('fixops start did not come up within 3 minutes');
}

/** Every cell of a CSV text (RFC 4180 quoting), in order. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') { cells.push(cell); cell = ''; } else if (ch !== '\r' || text[i + 1] !== '\n') cell += ch;
  }
  if (cell !== '') cells.push(cell);
  return cells;
}

const HEADER = '经销商代码,工单号,VIN,进厂时间,维修类型,总金额,服务顾问';
/** Repair orders in a month far from the demo's, so no load replaces (and holds) stored data. */
const rows = (dealer: string, n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `${dealer},${tag}${i},LSV${tag}${i},2019-02-${String(1 + (i % 28)).padStart(2, '0')} 09:00,保养,500,王伟`);

async function probe(admin: string): Promise<void> {
  const suffix = Date.now().toString(36);
  const dealers = ((await http('/api/dealers', { token: admin })).json as unknown as { code: string }[]).map((d) => d.code);
  const [own, other] = dealers as [string, string];
  if (!own || !other) throw new Error('the instance needs at least two dealers');
  const account = async (name: string, role: string, dealer?: string) => {
    const made = await post('/api/users', admin, { name, role, ...(dealer ? { dealer } : {}) });
    if (made.status !== 201) throw new Error(`cannot add user ${name}: ${made.text}`);
    const t = await post('/api/tokens', admin, { user: name });
    if (t.status !== 201) throw new Error(`cannot make a token for ${name}: ${t.text}`);
    return t.json as unknown as { id: number; token: string };
  };
  const dealer = (await account(`probe-dealer-${suffix}`, 'dealer', own)).token;
  const consultant = (await account(`probe-consultant-${suffix}`, 'consultant')).token;

  await check('12.1 a dealer\'s rejected-rows download holds no other dealer\'s row', async () => {
    const secret = `LSVPROBESECRET${suffix}`.toUpperCase();
    const text = [HEADER, ...rows(own, 200, 'P'), `${other},PX1,${secret},not a date,保养,98765.43,别家顾问`, `${own},PX2,LSVOWNBAD,not a date,保养,1,自己`].join('\n');
    const up = await upload(consultant, [{ name: 'own-with-foreign.csv', data: `${text}\n` }], { confirm: 'true' });
    if (up.status !== 200) return `upload: ${up.status} ${up.text.slice(0, 160)}`;
    const csv = await http(`/api/loads/${up.json?.[0]?.loadId}/rejects.csv`, { token: dealer });
    if (csv.status !== 200) return `rejects.csv: ${csv.status}`;
    if (!csv.text.includes('LSVOWNBAD')) return 'the dealer\'s own bad row is missing';
    return csv.text.includes(secret) || csv.text.includes(other) ? `the download shows ${other}'s row` : true;
  });

  await check('12.2 a dealer\'s master-data (dealers) upload is refused 403, its record unchanged', async () => {
    const before = (await http(`/api/dealers/${own}`, { token: admin })).text;
    const up = await upload(dealer, [{ name: 'dealers.csv', data: `经销商代码,经销商名称,区域,分组,城市\n${own},改名了,华北,metro,北京\n` }]);
    const after = (await http(`/api/dealers/${own}`, { token: admin })).text;
    return after !== before ? 'the dealer record changed' : expectStatus(up, 403, 'master_data_admin_only');
  });

  await check('12.3 formula cells in the rejected-rows CSV are neutralised', async () => {
    const hostile = [
      `${own},F1,LSVF1,"=HYPERLINK(""http://evil.example"",""x"")",保养,1,王伟`,
      `${own},F2,LSVF2,2019-02-01,保养,"+cmd|' /C calc'!A0",王伟`,
      `${own},F3,LSVF3,@SUM(1+1),保养,1,王伟`,
      `${own},F4,LSVF4,2019-02-01,保养,-2+3,王伟`,
    ];
    const up = await upload(admin, [{ name: 'formulas.csv', data: [HEADER, ...rows(own, 200, 'G'), ...hostile].join('\n') + '\n' }], { confirm: 'true' });
    const loadId = up.json?.[0]?.loadId ?? up.json?.error?.details?.files?.[0]?.loadId;
    if (!loadId) return `upload: ${up.status} ${up.text.slice(0, 160)}`;
    const csv = await http(`/api/loads/${loadId}/rejects.csv`, { token: admin });
    if (csv.status !== 200) return `rejects.csv: ${csv.status}`;
    const bad = csvCells(csv.text.replace(/^\uFEFF/, '')).find((cell) => /^[=+\-@\t\r]/.test(cell));
    if (!csv.text.includes('\'=HYPERLINK')) return 'the hostile cells are not in the download at all';
    return bad !== undefined ? `a cell begins with a formula character: ${bad.slice(0, 120)}` : true;
  });

  const sameOrigin = (a: Answer) => {
    const to = a.headers.get('location');
    if (a.status < 300 || a.status >= 400 || !to) return a.status === 200 ? true : `expected a redirect or the page, got ${a.status}`;
    return new URL(to, base).origin === new URL(base).origin ? true : `redirects off-site to ${to}`;
  };
  await check('12.4 /lang?to=en&next=/%5Cevil.example/x stays on this site', async () => sameOrigin(await http('/lang?to=en&next=/%5Cevil.example/x')));
  for (const next of ['/%5Cevil.example', '/%09/evil.example']) {
    await check(`12.4 logging in at /login?next=${next} stays on this site`, async () => {
      const a = await http(`/login?next=${next}`, {
        method: 'POST', headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: admin }).toString(),
      });
      return a.status === 303 ? sameOrigin(a) : `expected 303 after login, got ${a.status}`;
    });
  }

  await check('12.5 a dealer upload with another dealer\'s rows is refused 403', async () =>
    expectStatus(await upload(dealer, [{ name: 'foreign.csv', data: [HEADER, ...rows(other, 50, 'Q')].join('\n') + '\n' }]), 403, 'foreign_dealer_rows'));
  await check('12.5 51 files in one request: 413, and the answer says it is a count limit', async () => {
    const a = await upload(admin, Array.from({ length: 51 }, (_, i) => ({ name: `f${i}.csv`, data: `${HEADER}\n${rows(own, 1, `C${i}`)[0]}\n` })));
    const r = expectStatus(a, 413, 'too_many_files');
    return r === true && a.json?.error?.details?.limit !== 'filesPerRequest' ? 'details do not name the count limit' : r;
  });
  await check('12.5 a 10,000-column file: 422 too_many_columns, no out-of-memory text', async () => {
    const extra = Array.from({ length: 10_000 - 7 }, (_, i) => `x${i}`);
    const a = await upload(admin, [{ name: 'wide.csv', data: `${HEADER},${extra.join(',')}\n${rows(own, 1, 'W')[0]},${extra.map(() => '1').join(',')}\n` }]);
    if (/out of memory/i.test(a.text)) return 'the answer mentions out of memory';
    return a.status === 422 && a.json?.error?.details?.files?.[0]?.error?.code === 'too_many_columns' ? true : `got ${a.status} ${a.text.slice(0, 160)}`;
  });

  await check('12.7 GET /api/loads?limit=Infinity: 400 naming the field', async () => {
    const a = await http('/api/loads?limit=Infinity', { token: admin, headers: { 'accept-language': 'en' } });
    return a.status === 400 && /limit/.test(a.text) ? true : `got ${a.status} ${a.text.slice(0, 160)}`;
  });
  await check('12.7 POST /api/assessments with 2025-02-30: 400 naming the field', async () => {
    const a = await post('/api/assessments', admin, { dealer: own, date: '2025-02-30', scores: [] }, { 'accept-language': 'en' });
    return a.status === 400 && /date/.test(a.text) ? true : `got ${a.status} ${a.text.slice(0, 160)}`;
  });
  await check('12.7 a malformed URL gets our error shape (400 { error: { code, message, details } })', async () => {
    const a = await http('/api/loads/%', { token: admin });
    const error = a.json?.error;
    return a.status === 400 && error && ['code', 'details', 'message'].every((k) => k in error) && !('statusCode' in (a.json ?? {})) ? true : `got ${a.status} ${a.text.slice(0, 160)}`;
  });
  await check('12.7 another dealer\'s load answers 404 exactly like a missing one', async () => {
    const loads = (await http('/api/loads?limit=500', { token: admin })).json?.loads ?? [];
    const theirs = loads.find((l) => l.dealers.length > 0 && !l.dealers.includes(own));
    if (!theirs) return 'no load of another dealer found';
    const a = await http(`/api/loads/${theirs.id}`, { token: dealer });
    const b = await http('/api/loads/987654321', { token: dealer });
    // The same answer but for the id itself, which the message repeats.
    const same = a.text.replaceAll(String(theirs.id), 'ID') === b.text.replaceAll('987654321', 'ID');
    return a.status === 404 && b.status === 404 && same ? true : `other dealer's: ${a.status} ${a.text.slice(0, 120)}, missing: ${b.status} ${b.text.slice(0, 120)}`;
  });
  await check('12.7 security headers on the API, a page and the docs', async () => {
    for (const [path, token] of [['/api/dealers', admin], ['/login', ''], ['/api/docs/', admin]] as const) {
      const h = (await http(path, token ? { token } : {})).headers;
      const csp = h.get('content-security-policy') ?? '';
      if (h.get('x-content-type-options') !== 'nosniff') return `${path}: no nosniff`;
      if (!/frame-ancestors 'none'/.test(csp) && h.get('x-frame-options') !== 'DENY') return `${path}: may be framed`;
      if (!h.get('referrer-policy')) return `${path}: no Referrer-Policy`;
      if (!csp) return `${path}: no Content-Security-Policy`;
    }
    return true;
  });

  const session = async (token: string) => {
    const a = await post('/api/login', '', { token });
    const cookie = (a.headers.getSetCookie().find((c) => c.startsWith('fixops_session=')) ?? '').split(';')[0]!;
    if (!cookie) throw new Error(`login: ${a.status} ${a.text.slice(0, 120)}`);
    return cookie;
  };
  await check('12.7 a cookie write another site started is refused 403 (settings, upload)', async () => {
    const cookie = await session(admin);
    const hostile = { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const put = await http('/api/settings', { method: 'PUT', headers: { ...hostile, 'content-type': 'application/json' }, body: JSON.stringify({ key: 'target.booking_rate', value: 0.01 }) });
    const up = await upload('', [{ name: 'x.csv', data: `${HEADER}\n` }], {}, hostile);
    const r = expectStatus(put, 403, 'cross_site_request');
    return r === true ? expectStatus(up, 403, 'cross_site_request') : r;
  });
  await check('12.7 a revoked token stops at once, its session too', async () => {
    const t = await account(`probe-revoked-${suffix}`, 'consultant');
    const cookie = await session(t.token);
    if ((await http('/api/me', { token: t.token })).status !== 200) return 'the new token does not work';
    const del = await http(`/api/tokens/${t.id}`, { method: 'DELETE', token: admin });
    if (del.status !== 200) return `revoke: ${del.status}`;
    const a = await http('/api/me', { token: t.token });
    const b = await http('/api/me', { headers: { cookie } });
    return a.status === 401 && b.status === 401 ? true : `after revoking: token ${a.status}, session ${b.status}`;
  });
  await check('12.7 a disabled user stops at once, sessions included', async () => {
    const name = `probe-disabled-${suffix}`;
    const t = await account(name, 'dealer', own);
    const cookie = await session(t.token);
    const dis = await post(`/api/users/${name}/disable`, admin, {});
    if (dis.status !== 200) return `disable: ${dis.status} ${dis.text.slice(0, 120)}`;
    const a = await http('/api/me', { token: t.token });
    const b = await http('/api/me', { headers: { cookie } });
    return a.status === 401 && b.status === 401 ? true : `after disabling: token ${a.status}, session ${b.status}`;
  });
}

async function main(): Promise<number> {
  const given = process.env.PROBE_URL;
  let server: ChildProcess | undefined;
  let dir: string | undefined;
  let admin: string;
  if (given) {
    if (!process.env.PROBE_ADMIN_TOKEN) throw new Error('PROBE_URL needs PROBE_ADMIN_TOKEN');
    const u = new URL(given);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error('the probe runs against loopback only');
    base = u.origin;
    admin = process.env.PROBE_ADMIN_TOKEN;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'fixops-probe-'));
    process.stderr.write(`starting fixops start on a fresh database in ${dir} (loads the demo network)…\n`);
    const started = await startServer(dir);
    ({ server } = started);
    base = started.url;
    admin = started.token;
  }
  try {
    await probe(admin);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`\n${results.length - failed}/${results.length} passed${failed ? `, ${failed} FAILED` : ''}\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main().catch((e: unknown) => {
  process.stderr.write(`probe-security: ${(e as Error).message}\n`);
  return 2;
});
