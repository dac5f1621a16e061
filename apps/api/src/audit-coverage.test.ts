// Coverage, the audit log and the paged load log over a real listening server on a real
// DuckDB file: every kind of write through the API leaves one audit row with who, where and
// what; only admins read the log; coverage matches the loads; a dealer sees only its own.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, listeningTestEnv, type TestEnv, type Call } from './test-helpers/setup.js';

let env: TestEnv;
let base: string;
let call: Call;

beforeAll(async () => {
  ({ env, base, call } = await listeningTestEnv());
});
afterAll(async () => {
  await env?.close();
});

interface Entry { user: string; via: string; ip: string | null; action: string; target: string | null; detail: Record<string, unknown> }
const latest = async (action: string): Promise<{ total: number; entries: Entry[] }> => (await call<{ total: number; entries: Entry[] }>(env.tokens.admin, `/api/audit?action=${action}`)).body;

describe('audit log over the API', () => {
  it('every kind of write leaves one row with who, from where and what changed', async () => {
    const added = await call(env.tokens.admin, '/api/users', { method: 'POST', body: { name: 'zhao', role: 'dealer', dealer: env.own } });
    expect(added.status).toBe(201);
    let a = await latest('user.add');
    expect(a.total).toBe(1 + 4); // the four users setup made from the command line, then zhao
    expect(a.entries[0]).toMatchObject({ user: 'admin', via: 'api', ip: '127.0.0.1', action: 'user.add', target: 'zhao', detail: { role: 'dealer', dealer: env.own } });
    expect(a.entries[1]).toMatchObject({ via: 'cli', ip: null, target: 'other' });

    const token = await call<{ id: number; token: string }>(env.tokens.admin, '/api/tokens', { method: 'POST', body: { user: 'zhao', expiresDays: 5 } });
    expect(token.status).toBe(201);
    a = await latest('token.create');
    expect(a.entries[0]).toMatchObject({ user: 'admin', via: 'api', action: 'token.create', target: String(token.body.id), detail: { id: token.body.id, user: 'zhao' } });
    expect(JSON.stringify(a.entries[0])).not.toContain(token.body.token);

    expect((await call(env.tokens.admin, `/api/tokens/${token.body.id}`, { method: 'DELETE' })).status).toBe(200);
    a = await latest('token.revoke');
    expect(a.total).toBe(1);
    expect(a.entries[0]).toMatchObject({ user: 'admin', via: 'api', target: String(token.body.id), detail: { user: 'zhao' } });

    expect((await call(env.tokens.admin, '/api/users/zhao/disable', { method: 'POST' })).status).toBe(200);
    expect((await call(env.tokens.admin, '/api/users/zhao/enable', { method: 'POST' })).status).toBe(200);
    expect((await latest('user.disable')).entries).toMatchObject([{ target: 'zhao', detail: { disabled: { old: false, new: true } } }]);
    expect((await latest('user.enable')).entries).toMatchObject([{ target: 'zhao', detail: { disabled: { old: true, new: false } } }]);

    expect((await call(env.tokens.admin, '/api/settings', { method: 'PUT', body: { key: 'uploadDueDay', value: 15 } })).status).toBe(200);
    expect((await call(env.tokens.admin, '/api/settings', { method: 'PUT', body: { key: 'uploadDueDay', value: null } })).status).toBe(200);
    expect((await latest('setting.set')).entries).toMatchObject([{ user: 'admin', via: 'api', target: 'uploadDueDay', detail: { key: 'uploadDueDay', old: 10, new: 15 } }]);
    expect((await latest('setting.reset')).entries).toMatchObject([{ target: 'uploadDueDay', detail: { old: 15, new: 10 } }]);

    const template = (await call(env.tokens.admin, '/api/templates/dealer-aftersales')).body as { sections: { modules: { id: string; max: number }[] }[] };
    const scores = template.sections.flatMap((s) => s.modules.map((m) => ({ id: m.id, score: m.max })));
    const visit = await call<{ id: number }>(env.tokens.consultant, '/api/assessments', { method: 'POST', body: { dealer: env.own, date: '2025-11-20', scores } });
    expect(visit.status).toBe(201);
    expect((await latest('assessment.add')).entries).toMatchObject([{ user: 'consultant', via: 'api', target: String(visit.body.id), detail: { dealer: env.own, date: '2025-11-20', passed: true } }]);

    const loadsBefore = (await latest('load')).total;
    expect(loadsBefore).toBe(env.files.length); // the demo files setup loaded
    const ro = env.files.find((f) => f.kind === 'repair_orders' && f.name.startsWith(env.own))!.name;
    const form = new FormData();
    form.append('files', new Blob([await readFile(join(env.dataDir, ro))], { type: 'text/csv' }), ro);
    const up = await fetch(`${base}/api/uploads`, { method: 'POST', headers: bearer(env.tokens.consultant), body: form });
    expect(up.status).toBe(200);
    const [summary] = (await up.json()) as { loadId: number; rowsLoaded: number }[];
    a = await latest('load');
    expect(a.total).toBe(loadsBefore + 1);
    expect(a.entries[0]).toMatchObject({ user: 'consultant', via: 'api', ip: '127.0.0.1', target: String(summary!.loadId), detail: { file: ro, status: 'loaded', rowsLoaded: summary!.rowsLoaded, dealers: [env.own] } });

    // filters: by user, since, paging
    const mine = (await call(env.tokens.admin, '/api/audit?user=consultant')).body as { total: number; entries: Entry[] };
    expect(mine.entries.map((e) => e.action)).toEqual(['load', 'assessment.add']);
    expect((await call(env.tokens.admin, '/api/audit?since=2999-01-01')).body).toEqual({ total: 0, entries: [] });
    const page = (await call(env.tokens.admin, '/api/audit?limit=2&offset=1')).body as { total: number; entries: Entry[] };
    expect(page.entries.map((e) => e.action)).toEqual(['assessment.add', 'setting.reset']);

    // undoing that load through the API: one load.undo row with who, from where and what came back
    const undo = await call(env.tokens.consultant, `/api/loads/${summary!.loadId}/undo`, { method: 'POST' });
    expect(undo.status).toBe(200);
    const undone = undo.body as { undoId: number; rowsRemoved: number };
    a = await latest('load.undo');
    expect(a.total).toBe(1);
    expect(a.entries[0]).toMatchObject({ user: 'consultant', via: 'api', ip: '127.0.0.1', action: 'load.undo', target: String(summary!.loadId), detail: { loadId: summary!.loadId, undoId: undone.undoId, file: ro, rowsRemoved: undone.rowsRemoved } });
  });

  it('only admins read it', async () => {
    for (const t of [env.tokens.consultant, env.tokens.dealer]) expect((await call(t, '/api/audit')).status).toBe(403);
    expect((await fetch(`${base}/api/audit`)).status).toBe(401);
    expect((await call(env.tokens.admin, '/api/audit?since=yesterday')).status).toBe(400);
    expect((await call(env.tokens.admin, '/api/audit?since=2025-02-30')).status).toBe(400);
  });
});

describe('GET /api/coverage', () => {
  it('gives every dealer × month × kind, stored rows where the demo loaded them, null elsewhere', async () => {
    const from = env.months[0]!;
    const to = env.months.at(-1)!;
    const r = await call(env.tokens.admin, `/api/coverage?from=${from}&to=${to}`);
    expect(r.status).toBe(200);
    const cov = r.body as { cells: { dealer: string; month: string; kind: string; rows: number | null }[]; dealers: { code: string }[]; overdue: string[] };
    expect(cov.dealers.map((d) => d.code)).toEqual(env.dealers);
    expect(cov.cells).toHaveLength(env.dealers.length * env.months.length * 3);
    // independently, from the load log: which dealer-month-kinds the demo loaded
    const loads = (await call<{ loads: { kind: string; dealers: string[]; months: string[]; rowsLoaded: number }[] }>(env.tokens.admin, '/api/loads?status=loaded&limit=1000')).body.loads;
    for (const c of cov.cells) {
      const by = loads.filter((l) => l.kind === c.kind && l.dealers.includes(c.dealer) && l.months.includes(c.month));
      expect(c.rows === null).toBe(by.length === 0);
    }
    for (const l of loads.filter((x) => ['repair_orders', 'bookings', 'accident_repairs'].includes(x.kind) && x.dealers.length === 1)) {
      const sum = cov.cells.filter((c) => c.kind === l.kind && c.dealer === l.dealers[0] && l.months.includes(c.month)).reduce((s, c) => s + (c.rows ?? 0), 0);
      expect(sum).toBeLessThanOrEqual(l.rowsLoaded); // a later upload may have replaced a month with the same rows
      expect(sum).toBeGreaterThan(0);
    }
  });

  it('a dealer sees only its own row; a reversed range is a 400', async () => {
    const r = await call<{ cells: { dealer: string }[]; dealers: unknown[] }>(env.tokens.dealer, '/api/coverage');
    expect(r.status).toBe(200);
    expect(new Set(r.body.cells.map((c) => c.dealer))).toEqual(new Set([env.own]));
    expect(r.body.dealers).toHaveLength(1);
    expect((await call(env.tokens.admin, '/api/coverage?from=2025-12&to=2025-01')).status).toBe(400);
    expect((await call(env.tokens.admin, '/api/coverage?from=2025-13')).status).toBe(400);
  });
});

describe('GET /api/loads with filters and pages', () => {
  it('filters by dealer, kind, status, month and user and counts every match', async () => {
    const all = (await call(env.tokens.admin, '/api/loads?limit=1000')).body as { total: number; loads: { id: number; kind: string; dealers: string[]; months: string[]; uploadedBy: string }[] };
    expect(all.total).toBe(all.loads.length);
    const page = (await call(env.tokens.admin, '/api/loads?limit=3&offset=2')).body as typeof all;
    expect(page.total).toBe(all.total);
    expect(page.loads.map((l) => l.id)).toEqual(all.loads.slice(2, 5).map((l) => l.id));
    const month = env.months.at(-1)!;
    const q = (await call(env.tokens.admin, `/api/loads?dealer=${env.other}&kind=bookings&status=loaded&month=${month}&user=demo`)).body as typeof all;
    expect(q.loads.length).toBeGreaterThan(0);
    expect(q.total).toBe(q.loads.length);
    expect(q.loads.every((l) => l.kind === 'bookings' && l.dealers.includes(env.other) && l.months.includes(month) && l.uploadedBy === 'demo')).toBe(true);
    expect(q.total).toBe(all.loads.filter((l) => l.kind === 'bookings' && l.dealers.includes(env.other) && l.months.includes(month) && l.uploadedBy === 'demo').length);
    // a dealer: its own loads only, counted the same way
    const own = (await call(env.tokens.dealer, '/api/loads?limit=2')).body as typeof all;
    expect(own.loads.every((l) => l.dealers.every((d) => d === env.own))).toBe(true);
    expect(own.total).toBe(all.loads.filter((l) => l.dealers.length > 0 && l.dealers.every((d) => d === env.own)).length);
    expect((await call(env.tokens.dealer, `/api/loads?dealer=${env.other}`)).status).toBe(403);
  });
});
