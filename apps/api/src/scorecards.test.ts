// Staff and supplier scorecards over the API on a real DuckDB file: who may write (admin,
// consultant), a dealer user reads only its own staff and no suppliers, every write is in the
// audit log, and the numbers are the checklist engine's (weights and bands of the seed).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;

beforeAll(async () => {
  env = await setupTestEnv();
});
afterAll(async () => {
  await env?.close();
});

async function call<T = Record<string, unknown>>(token: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const r = await env.app.inject({ method: body === undefined ? 'GET' : 'POST', url, headers: bearer(token), ...(body !== undefined && { payload: body as Record<string, unknown> }) });
  return { status: r.statusCode, body: r.json<T>() };
}

/** customer-service-staff scored per module: 20 + 18 + 14 + 10 + 8 = 70 of 100, the pass line. */
const MODULES = [['cs.knowledge', 20], ['cs.attitude', 18], ['cs.solving', 14], ['cs.teamwork', 10], ['cs.learning', 8]].map(([id, score]) => ({ id, score }));

describe('staff over the API', () => {
  it('lists advisors from the repair orders, adds a person, scores them; a dealer user reads its own, not another\'s', async () => {
    const list = await call<{ people: { name: string; role: string; added: boolean }[] }>(env.tokens.consultant, `/api/dealers/${env.own}/staff`);
    expect(list.status).toBe(200);
    expect(list.body.people.length).toBeGreaterThan(0);
    expect(list.body.people.every((p) => p.role === 'service_advisor' && !p.added)).toBe(true);

    const added = await call(env.tokens.consultant, `/api/dealers/${env.own}/staff`, { name: '陈客服', role: '客服' });
    expect([added.status, added.body.role, added.body.added]).toEqual([201, 'customer_service', true]);
    expect((await call(env.tokens.consultant, `/api/dealers/${env.own}/staff`, { name: '陈客服', role: '客服' })).status).toBe(409);

    const name = encodeURIComponent('陈客服');
    const scored = await call<{ id: number; scorecard: { total: number; max: number; passed: boolean; template: { id: string } } }>(
      env.tokens.consultant, `/api/dealers/${env.own}/staff/${name}/scorecards`, { month: '2025-11', scores: MODULES });
    expect(scored.status).toBe(201);
    expect([scored.body.scorecard.template.id, scored.body.scorecard.total, scored.body.scorecard.max, scored.body.scorecard.passed]).toEqual(['customer-service-staff', 70, 100, true]);
    const part = await call<{ error: { code: string; message: string } }>(env.tokens.consultant, `/api/dealers/${env.own}/staff/${name}/scorecards`, { month: '2025-12', scores: MODULES.slice(0, 4) });
    expect([part.status, part.body.error.code]).toEqual([422, 'scorecard_incomplete']);

    // The dealer user reads its own person and scorecard, cannot write, and sees nothing of another dealer's.
    const own = await call<{ history: { total: number; month: string }[] }>(env.tokens.dealer, `/api/dealers/${env.own}/staff/${name}`);
    expect([own.status, own.body.history.map((h) => [h.month, h.total])]).toEqual([200, [['2025-11', 70]]]);
    expect((await call(env.tokens.dealer, `/api/staff-scorecards/${scored.body.id}`)).status).toBe(200);
    expect((await call(env.tokens.dealer, `/api/dealers/${env.own}/staff/${name}/scorecards`, { month: '2025-12', scores: MODULES })).status).toBe(403);
    expect((await call(env.tokens.dealer, `/api/dealers/${env.own}/staff`, { name: 'x', role: '技师' })).status).toBe(403);
    expect((await call(env.tokens.other, `/api/dealers/${env.own}/staff`)).status).toBe(403);
    expect((await call(env.tokens.other, `/api/dealers/${env.own}/staff/${name}`)).status).toBe(403);
    expect((await call(env.tokens.other, `/api/staff-scorecards/${scored.body.id}`)).status).toBe(404);
    expect((await call(env.tokens.other, `/api/staff-scorecards/99999`)).status).toBe(404);
  });

  it('an advisor\'s page carries its KPIs from the per-advisor breakdown for the month asked', async () => {
    const list = await call<{ people: { name: string; lastMonth: string }[] }>(env.tokens.admin, `/api/dealers/${env.own}/staff`);
    const advisor = list.body.people[0]!;
    const month = advisor.lastMonth;
    const page = await call<{ kpiMonth: string; kpis: { advisor: string; ro_count: number } | null }>(env.tokens.admin, `/api/dealers/${env.own}/staff/${encodeURIComponent(advisor.name)}?month=${month}`);
    const breakdown = await call<{ advisor: string; ro_count: number }[]>(env.tokens.admin, `/api/dealers/${env.own}/breakdown?month=${month}&by=advisor`);
    expect(page.body.kpiMonth).toBe(month);
    expect(page.body.kpis?.ro_count).toBeGreaterThan(0);
    expect(page.body.kpis).toEqual(breakdown.body.find((r) => r.advisor === advisor.name));
    expect((await call(env.tokens.admin, `/api/dealers/${env.own}/staff/${encodeURIComponent('没有这个人')}`)).status).toBe(404);
  });
});

describe('suppliers over the API', () => {
  it('admin and consultants add and rate; the numbers and rules are the seed\'s; dealer users get 403; every write is audited', async () => {
    const added = await call<{ id: number; class: { id: string } }>(env.tokens.consultant, '/api/suppliers', { name: '深南电路', class: 'pcb' });
    expect([added.status, added.body.class.id]).toEqual([201, 'pcb']);
    const id = added.body.id;
    // PCB (delivery:service:quality:price = 4:1:4:1), quality 60, delivery 50, service 70, price 80:
    // (4·50 + 70 + 4·60 + 80) / 10 = 59 → C; three months of it → disqualified.
    const rate = (month: string) => call<{ latest: { composite: number; grade: string }; status: { status: string; reason: { zh: string } | null } }>(
      env.tokens.consultant, `/api/suppliers/${id}/ratings`, { month, quality: 60, delivery: 50, service: 70, price: 80 });
    const first = await rate('2025-08');
    expect([first.status, first.body.latest.composite, first.body.latest.grade, first.body.status.status]).toEqual([201, 59, 'C', 'ok']);
    await rate('2025-09');
    const third = await rate('2025-10');
    expect([third.body.status.status, third.body.status.reason?.zh]).toEqual(['disqualified', '连续 3 个月被评为 C 级（2025-08…2025-10），取消供应商资格']);
    expect((await rate('2025-10')).status).toBe(409);
    const over = await call(env.tokens.consultant, `/api/suppliers/${id}/ratings`, { month: '2025-11', quality: 101, delivery: 50, service: 70, price: 80 });
    expect(over.status).toBe(400);

    const list = await call<{ suppliers: { name: string; status: { status: string } }[]; rules: { classes: { id: string; weights: Record<string, number> }[] } }>(env.tokens.admin, '/api/suppliers');
    expect(list.body.suppliers.map((s) => [s.name, s.status.status])).toEqual([['深南电路', 'disqualified']]);
    expect(list.body.rules.classes.map((c) => [c.id, c.weights.delivery, c.weights.service, c.weights.quality, c.weights.price])).toEqual([
      ['ic_loose', 2, 1, 2, 5], ['pcb', 4, 1, 4, 1], ['consumables', 1, 2, 2, 5],
    ]);

    for (const [url, body] of [['/api/suppliers', undefined], [`/api/suppliers/${id}`, undefined], ['/api/suppliers', { name: 'x', class: 'pcb' }], [`/api/suppliers/${id}/ratings`, { month: '2025-12', quality: 1, delivery: 1, service: 1, price: 1 }]] as const) {
      expect((await call(env.tokens.dealer, url, body)).status, url).toBe(403);
    }
    const audit = await call<{ entries: { action: string; user: string; via: string; detail: Record<string, unknown> }[] }>(env.tokens.admin, '/api/audit?action=supplier');
    expect(audit.body.entries.map((e) => [e.action, e.user, e.via])).toEqual([
      ['supplier.rate', 'consultant', 'api'], ['supplier.rate', 'consultant', 'api'], ['supplier.rate', 'consultant', 'api'], ['supplier.add', 'consultant', 'api'],
    ]);
    expect(audit.body.entries[0]!.detail).toMatchObject({ month: '2025-10', composite: 59, grade: 'C' });
    const staffAudit = await call<{ entries: { action: string }[] }>(env.tokens.admin, '/api/audit?action=staff');
    expect(staffAudit.body.entries.map((e) => e.action)).toEqual(['staff.score', 'staff.add']);
  });
});
