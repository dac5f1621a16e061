// Action plans over real HTTP on a real DuckDB file: who may add, move, verify and read; the
// counts; the effect in the answer; and one audit row per write.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { Value } from 'typebox/value';
import { ActionWithEffect, type ActionCounts, type ActionList } from '@fixops/contracts';
import type { ActionWithEffect as PackageAction } from '@fixops/actions';
import { bearer, listeningTestEnv, type ErrorAnswer, type TestEnv, type Call } from './test-helpers/setup.js';

let env: TestEnv;
let base: string;
let call: Call;

beforeAll(async () => {
  ({ env, base, call } = await listeningTestEnv({ 'accept-language': 'zh' }));
});
afterAll(async () => {
  await env?.close();
});

type List = Static<typeof ActionList>;

/** The package's action (with its effect) and the API's contract are the same shape, both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const sameShape: Same<PackageAction, Static<typeof ActionWithEffect>> = true;
type One = Static<typeof ActionWithEffect>;

describe('actions over the API', () => {
  it('consultants add, dealers mark their own done but never verify, others see nothing, every write is audited', async () => {
    const body = (dealer: string, extra: Record<string, unknown> = {}) => ({
      dealer, target: { kind: 'kpi', id: 'booking_rate' }, title: '每日预约回访', owner: '王经理', due: '2099-01-31', created: '2025-12-20', ...extra,
    });
    const first = await call<{ id: number }>(env.tokens.consultant, '/api/actions', { method: 'POST', body: body(env.own) });
    expect(first.status).toBe(201);
    const overdue = await call<{ id: number }>(env.tokens.admin, '/api/actions', { method: 'POST', body: body(env.own, { target: { kind: 'module', id: 'front_desk.visual_boards' }, due: '2020-01-31', created: '2020-01-01' }) });
    expect(overdue.status).toBe(201);
    const others = await call<{ id: number }>(env.tokens.admin, '/api/actions', { method: 'POST', body: body(env.other) });
    expect(others.status).toBe(201);

    expect((await call(env.tokens.dealer, '/api/actions', { method: 'POST', body: body(env.own) })).status).toBe(403);
    const unknownKpi = await call<ErrorAnswer>(env.tokens.admin, '/api/actions', { method: 'POST', body: body(env.own, { target: { kind: 'kpi', id: 'booking' } }) });
    expect(unknownKpi.status).toBe(404);
    expect(unknownKpi.body.error.message).toContain('没有KPI“booking”');
    expect((await call(env.tokens.admin, '/api/actions', { method: 'POST', body: body('NOPE') })).status).toBe(404);
    expect((await call(env.tokens.admin, '/api/actions', { method: 'POST', body: body(env.own, { due: '2026-02-30' }) })).status).toBe(400);

    const mine = await call<List>(env.tokens.dealer, '/api/actions');
    expect(mine.status).toBe(200);
    expect(mine.body.map((a) => a.id).sort()).toEqual([first.body.id, overdue.body.id].sort());
    expect(mine.body.every((a) => a.dealer === env.own)).toBe(true);
    for (const a of mine.body) expect(Value.Check(ActionWithEffect, a)).toBe(true);
    expect((await call(env.tokens.dealer, `/api/actions?dealer=${env.other}`)).status).toBe(403);
    const kpiAction = mine.body.find((a) => a.id === first.body.id)!;
    expect(kpiAction).toMatchObject({ target: { kind: 'kpi', id: 'booking_rate', name: { zh: '预约率' } }, unit: 'rate', better: 'higher', status: 'open', overdue: false });
    expect(kpiAction.effect).toMatchObject({ kind: 'kpi', verdict: 'insufficient', reason: 'no_after' });
    expect(mine.body.find((a) => a.id === overdue.body.id)).toMatchObject({ overdue: true, effect: { kind: 'module' } });

    const counts = await call<Static<typeof ActionCounts>>(env.tokens.admin, '/api/actions/counts');
    expect(counts.body).toEqual({ dealers: [{ dealer: env.own, open: 2, overdue: 1 }, { dealer: env.other, open: 1, overdue: 0 }], open: 3, overdue: 1 });
    expect((await call<Static<typeof ActionCounts>>(env.tokens.dealer, '/api/actions/counts')).body).toEqual({ dealers: [{ dealer: env.own, open: 2, overdue: 1 }], open: 2, overdue: 1 });

    // the dealer marks its own done with a note; verifying is refused with who can
    const done = await call<One>(env.tokens.dealer, `/api/actions/${first.body.id}`, { method: 'POST', body: { status: 'done', note: '已安排专人回访' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', events: [{ status: 'open' }, { user: 'dealer', status: 'done', note: '已安排专人回访' }] });
    const verify = await call<ErrorAnswer>(env.tokens.dealer, `/api/actions/${first.body.id}`, { method: 'POST', body: { status: 'verified' } });
    expect(verify.status).toBe(403);
    expect(verify.body.error.message).toContain('“已验证”由顾问在下次现场评估时确认');
    // another dealer's action answers as a missing one
    expect((await call(env.tokens.dealer, `/api/actions/${others.body.id}`, { method: 'POST', body: { status: 'done' } })).status).toBe(404);
    expect((await call(env.tokens.admin, '/api/actions/9999', { method: 'POST', body: { status: 'done' } })).status).toBe(404);
    expect((await call(env.tokens.admin, `/api/actions/${first.body.id}`, { method: 'POST', body: {} })).status).toBe(400);
    const verified = await call<One>(env.tokens.consultant, `/api/actions/${first.body.id}`, { method: 'POST', body: { status: 'verified', note: '现场已核实' } });
    expect(verified.body.status).toBe('verified');
    expect((await call(env.tokens.dealer, `/api/actions/${first.body.id}`, { method: 'POST', body: { status: 'open' } })).status).toBe(403);
    expect((await call<One>(env.tokens.dealer, `/api/actions/${first.body.id}`, { method: 'POST', body: { note: '谢谢' } })).status).toBe(200);

    const audit = await call<{ entries: { user: string; via: string; ip: string | null; action: string; target: string; detail: Record<string, unknown> }[] }>(env.tokens.admin, '/api/audit?action=action');
    expect(audit.body.entries.map((e) => [e.action, e.user, e.target])).toEqual([
      ['action.note', 'dealer', String(first.body.id)],
      ['action.status', 'consultant', String(first.body.id)],
      ['action.status', 'dealer', String(first.body.id)],
      ['action.add', 'admin', String(others.body.id)],
      ['action.add', 'admin', String(overdue.body.id)],
      ['action.add', 'consultant', String(first.body.id)],
    ]);
    const report = await fetch(`${base}/api/dealers/${env.own}/report?month=${env.months.at(-1)!}&format=md`, { headers: bearer(env.tokens.dealer) });
    const md = await report.text();
    expect(md).toContain('## 整改跟踪');
    expect(md).toContain(`| ${first.body.id} | 每日预约回访 | 预约率 | 王经理 | 2099-01-31 | 已验证 |`);
    expect(md).not.toContain(`| ${others.body.id} |`);
    const html = await (await fetch(`${base}/api/dealers/${env.own}/report?month=${env.months.at(-1)!}`, { headers: bearer(env.tokens.consultant) })).text();
    expect(html).toContain('<h2>整改跟踪</h2>');
    expect(audit.body.entries[2]).toMatchObject({ via: 'api', ip: '127.0.0.1', detail: { old: 'open', new: 'done', note: '已安排专人回访', dealer: env.own } });
  });
});
