// Comparisons over real HTTP on a demo network with the two example files of data/comparisons:
// the list, a scorecard for a month, its HTML / CSV / xlsx downloads, and saving a new one.
// A dealer user sees only comparisons holding its dealer, and no other dealer's code or name in
// the JSON or in any download; only admin and consultant may save.

import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/comparisons');
const EAST = 'east-region-service-scorecard';
const METRO = 'metro-customer-retention';

let env: TestEnv;
let base: string;
let dir: string;
/** Every dealer's code and name: what a dealer user must never read about the others. */
let others: string[];

interface Row { dealer: string; name: string | null; rank: number; score: number; peer: boolean; band: { zh: string }; gaps: { id: string; points: number }[]; change: { score: number } | null }
interface Scorecard { id: string; month: string; previousMonth: string; rows: Row[]; months: string[]; anonymous: boolean; selection: { zh: string; en: string } }
interface Summary { id: string; title: { zh: string }; kpis: { id: string; weight: number }[]; month: string; dealerCount: number | null; selection: { zh: string } }

async function http(token: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...bearer(token), ...init.headers, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}
async function json<T>(token: string, path: string, init: Parameters<typeof http>[2] = {}): Promise<{ status: number; body: T }> {
  const r = await http(token, path, init);
  return { status: r.status, body: (await r.json()) as T };
}

async function sheetText(bytes: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const parts: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => parts.push(JSON.stringify(cell.value))));
  return parts.join('\n');
}

beforeAll(async () => {
  const parent = await import('node:fs/promises').then((fs) => fs.mkdtemp(join(process.env.TMPDIR ?? '/tmp', 'fixops-cmp-')));
  dir = join(parent, 'comparisons');
  await mkdir(dir);
  for (const f of [`${EAST}.yaml`, `${METRO}.yaml`, 'comparison.schema.json']) await copyFile(join(EXAMPLES, f), join(dir, f));
  env = await setupTestEnv({ comparisonsDir: dir });
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  const all = await json<Scorecard>(env.tokens.admin, `/api/comparisons/${METRO}`);
  // The metro group of the demo: the dealer user's own dealer and at least one other.
  expect(all.body.rows.map((r) => r.dealer)).toContain(env.own);
  const dealers = await json<{ code: string; name: string | null }[]>(env.tokens.admin, '/api/dealers');
  others = dealers.body.filter((d) => d.code !== env.own).flatMap((d) => [d.code, ...(d.name ? [d.name] : [])]);
  expect(others).toContain(env.other);
  expect(others.length).toBeGreaterThan(5);
  // A comparison without the dealer user's dealer.
  await writeFile(join(dir, 'others-only.yaml'), `id: others-only\ntitle: { zh: 其他经销商, en: Other dealers }\ndealers: { codes: [${env.other}] }\nkpis:\n  - { kpi: on_time_rate, weight: 1000 }\n`);
  // One listing the dealer user's dealer and another by code (the codes must not reach the dealer user).
  await writeFile(join(dir, 'own-and-other.yaml'), `id: own-and-other\ntitle: { zh: 两家, en: Two }\ndealers: { codes: [${env.other}, ${env.own}] }\nkpis:\n  - { kpi: on_time_rate, weight: 600 }\n  - { kpi: booking_rate, weight: 400, target: 0.35 }\n`);
  // The demo's first dealer (the dealer user's) is not in the East region.
  const east = await json<Scorecard>(env.tokens.admin, `/api/comparisons/${EAST}`);
  expect(east.body.rows.map((r) => r.dealer)).not.toContain(env.own);
}, 180_000);
afterAll(async () => env.close());

describe('GET /api/comparisons', () => {
  it('lists both example files with title, KPIs and month for staff', async () => {
    const r = await json<{ comparisons: Summary[]; canWrite: boolean }>(env.tokens.consultant, '/api/comparisons');
    expect(r.status).toBe(200);
    expect(r.body.canWrite).toBe(true);
    expect(r.body.comparisons.map((c) => c.id)).toEqual([EAST, METRO, 'others-only', 'own-and-other']);
    const east = r.body.comparisons[0]!;
    expect(east.title.zh).toBe('华东大区售后服务月度评分卡');
    expect(east.month).toBe('latest');
    expect(east.kpis.map((k) => k.id)).toContain('on_time_rate');
    expect(east.kpis.reduce((s, k) => s + k.weight, 0)).toBe(900); // + 100 for the checklist
    expect(east.selection.zh).toBe('大区 华东');
  });

  it('gives a dealer user only the comparisons holding its dealer, naming no other dealer', async () => {
    const r = await http(env.tokens.dealer, '/api/comparisons');
    const text = await r.text();
    const body = JSON.parse(text) as { comparisons: Summary[]; canWrite: boolean };
    expect(body.canWrite).toBe(false);
    expect(body.comparisons.map((c) => c.id)).toEqual([METRO, 'own-and-other']);
    expect(body.comparisons[1]!.selection.zh).toBe('指定的 2 家经销商');
    for (const o of others) expect(text).not.toContain(o);
  });
});

describe('GET /api/comparisons/:id', () => {
  it('scores every dealer out of 1000 with bands, ranks, changes and three biggest gaps, for the month asked', async () => {
    const r = await json<Scorecard>(env.tokens.admin, `/api/comparisons/${METRO}`);
    expect(r.status).toBe(200);
    expect(r.body.month).toBe(env.months.at(-1));
    expect(r.body.previousMonth).toBe(env.months.at(-1)!.replace(/^(\d{4})/, (y) => String(Number(y) - 1))); // previous_year
    expect(r.body.anonymous).toBe(false);
    expect(r.body.months).toEqual([...env.months].reverse());
    for (const row of r.body.rows) {
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(1000);
      expect(row.band.zh).not.toBe('');
      expect(row.gaps.length).toBeLessThanOrEqual(3);
      expect(row.peer).toBe(false);
    }
    expect(r.body.rows.map((x) => x.rank)).toEqual([...r.body.rows.map((x) => x.rank)].sort((a, b) => a - b));
    const earlier = env.months.at(-2)!;
    const east = await json<Scorecard>(env.tokens.admin, `/api/comparisons/${EAST}?month=${earlier}`);
    expect(east.status).toBe(200);
    expect(east.body.month).toBe(earlier);
    expect(east.body.previousMonth).toBe(env.months.at(-3));
    expect(east.body.rows.some((x) => x.change !== null)).toBe(true);
  });

  it('answers 404 for an unknown comparison or a month without values, 400 for an id that is no file name', async () => {
    expect((await http(env.tokens.admin, '/api/comparisons/nope')).status).toBe(404);
    expect((await http(env.tokens.admin, '/api/comparisons/..%2Fetc')).status).toBe(400);
    const empty = await json<{ error: { code: string } }>(env.tokens.admin, `/api/comparisons/${EAST}?month=2001-01`);
    expect([empty.status, empty.body.error.code]).toEqual([404, 'compare_no_data']);
  });

  it('shows a dealer user itself and anonymous peers in the JSON and in every download', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const peer = lang === 'en' ? 'Peer A' : '同组经销商 A';
      for (const id of [METRO, 'own-and-other']) {
        const r = await http(env.tokens.dealer, `/api/comparisons/${id}?lang=${lang}`);
        const text = await r.text();
        const body = JSON.parse(text) as Scorecard;
        expect(body.anonymous).toBe(true);
        expect(body.rows.filter((x) => !x.peer).map((x) => x.dealer)).toEqual([env.own]);
        expect(body.rows.filter((x) => x.peer).map((x) => x.dealer)).toContain(peer);
        for (const o of others) expect(text).not.toContain(o);

        for (const format of ['html', 'csv', 'xlsx'] as const) {
          const d = await http(env.tokens.dealer, `/api/comparisons/${id}?format=${format}&lang=${lang}`);
          expect(d.status).toBe(200);
          expect(d.headers.get('content-disposition')).toContain(`${id}-${body.month}.${format}`);
          const content = format === 'xlsx' ? await sheetText(await d.arrayBuffer()) : await d.text();
          expect(content).toContain(env.own);
          expect(content).toContain(peer);
          for (const o of others) expect(content).not.toContain(o);
        }
      }
    }
  });

  it('tells a dealer user a comparison without its dealer does not exist, exactly as an unknown one', async () => {
    const hidden = await json<{ error: { code: string; details: unknown } }>(env.tokens.dealer, '/api/comparisons/others-only');
    const unknown = await json<{ error: { code: string; details: unknown } }>(env.tokens.dealer, '/api/comparisons/no-such-thing');
    const east = await json<{ error: { code: string } }>(env.tokens.dealer, `/api/comparisons/${EAST}?format=csv`);
    expect([east.status, east.body.error.code]).toEqual([404, 'comparison_not_found']);
    expect([hidden.status, hidden.body.error.code]).toEqual([404, 'comparison_not_found']);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'comparison_not_found']);
    expect(JSON.stringify(hidden.body)).not.toContain(env.other);
  });

  it('downloads: printable HTML (inline, its own styles allowed), CSV with a BOM, xlsx with the scores', async () => {
    const html = await http(env.tokens.admin, `/api/comparisons/${EAST}?format=html&lang=en`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(html.headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
    const page = await html.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<svg');
    const csv = await http(env.tokens.admin, `/api/comparisons/${EAST}?format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csvText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(csvText.startsWith('\uFEFFmonth,rank,dealer,name')).toBe(true);
    const json = (await (await http(env.tokens.admin, `/api/comparisons/${EAST}`)).json()) as Scorecard;
    expect(csvText.trim().split('\n')).toHaveLength(json.rows.length + 1);
    const xlsx = await http(env.tokens.admin, `/api/comparisons/${EAST}?format=xlsx`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await sheetText(await xlsx.arrayBuffer());
    for (const row of json.rows) expect(sheet).toContain(row.dealer);
  });
});

describe('POST /api/comparisons', () => {
  const comparison = (over: Record<string, unknown> = {}) => ({
    id: 'two-dealers', title: { zh: '两家对比', en: 'Two dealers' }, dealers: { codes: [env.own, env.other] }, month: 'latest',
    kpis: [{ kpi: 'on_time_rate', weight: 700, floor: 0.5 }, { kpi: 'rework_rate', weight: 300 }], ...over,
  });

  it('is refused to a dealer user (403)', async () => {
    const r = await json<{ error: { code: string } }>(env.tokens.dealer, '/api/comparisons', { method: 'POST', body: { comparison: comparison({ id: 'by-dealer' }) } });
    expect(r.status).toBe(403);
    expect(await readdir(dir)).not.toContain('by-dealer.yaml');
  });

  it('saves a consultant\'s comparison as YAML, refuses the same id again unless asked, and audits it', async () => {
    const r = await json<{ id: string; file: string; replaced: boolean }>(env.tokens.consultant, '/api/comparisons', { method: 'POST', body: { comparison: comparison() } });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: 'two-dealers', file: 'two-dealers.yaml', replaced: false });
    expect(await readFile(join(dir, 'two-dealers.yaml'), 'utf8')).toContain('- { kpi: on_time_rate, weight: 700, floor: 0.5 }');
    const list = await json<{ comparisons: Summary[] }>(env.tokens.consultant, '/api/comparisons');
    expect(list.body.comparisons.map((c) => c.id)).toContain('two-dealers');
    const run = await json<Scorecard>(env.tokens.consultant, '/api/comparisons/two-dealers');
    expect(run.body.rows.map((x) => x.dealer).sort()).toEqual([env.own, env.other].sort());

    const again = await json<{ error: { code: string } }>(env.tokens.consultant, '/api/comparisons', { method: 'POST', body: { comparison: comparison({ title: { zh: '改', en: 'Changed' } }) } });
    expect([again.status, again.body.error.code]).toEqual([409, 'comparison_exists']);
    const replaced = await json<{ replaced: boolean }>(env.tokens.admin, '/api/comparisons', { method: 'POST', body: { comparison: comparison({ title: { zh: '改', en: 'Changed' } }), overwrite: true } });
    expect([replaced.status, replaced.body.replaced]).toEqual([201, true]);

    const audit = await json<{ entries: { action: string; target: string; user: string }[] }>(env.tokens.admin, '/api/audit?action=comparison');
    expect(audit.body.entries.map((e) => [e.action, e.target, e.user])).toEqual([['comparison.replace', 'two-dealers', 'admin'], ['comparison.add', 'two-dealers', 'consultant']]);
  });

  it('refuses what the CLI refuses (422), naming the field, in the request\'s language', async () => {
    const cases: [Record<string, unknown>, string, string, RegExp][] = [
      [{ kpis: [{ kpi: 'on_time_rate', weight: 600 }] }, 'compare_weights', 'kpis', /Weights must add up to 1000 points, not 600/],
      [{ kpis: [{ kpi: 'nope_rate', weight: 1000 }] }, 'compare_unknown_kpi', 'kpis[0].kpi', /unknown KPI "nope_rate"/],
      [{ id: '../../escape' }, 'compare_schema', 'id', /^id/],
      [{ dealers: { codes: ['ZZ999'] } }, 'compare_unknown_dealers', 'dealers.codes', /unknown dealer "ZZ999"/],
    ];
    for (const [over, code, path, message] of cases) {
      const r = await json<{ error: { code: string; message: string; details: { path: string; issues?: unknown[] } } }>(env.tokens.consultant, '/api/comparisons', {
        method: 'POST', body: { comparison: comparison({ id: 'refused', ...over }) }, headers: { 'accept-language': 'en' },
      });
      expect([r.status, r.body.error.code, r.body.error.details.path]).toEqual([422, code, path]);
      expect(r.body.error.message).toMatch(message);
    }
    const zh = await json<{ error: { message: string; details: { issues: { path: string; message: { zh: string; en: string } }[] } } }>(env.tokens.consultant, '/api/comparisons', {
      method: 'POST', body: { comparison: comparison({ id: 'refused', kpis: [{ kpi: 'on_time_rate', weight: 600 }] }) }, headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.body.error.message).toMatch(/^权重合计应为 1000 分/);
    expect(zh.body.error.details.issues[0]?.path).toBe('kpis');
    expect(zh.body.error.details.issues[0]?.message.en).toMatch(/^Weights/);
    expect((await readdir(dir)).sort()).toEqual(['comparison.schema.json', `${EAST}.yaml`, `${METRO}.yaml`, 'others-only.yaml', 'own-and-other.yaml', 'two-dealers.yaml']);
    expect((await readdir(dirname(dir))).sort()).toEqual(['comparisons']);
  });
});
