// Draft visits over a real listening server on a real DuckDB file: 4 of 100 lines scored is a
// draft everywhere the API shows it (passed null, complete false, scored/items), saving it again
// keeps its id, finishing judges it at once everywhere, a complete visit no longer changes, each
// save is in the audit log; a visit's data month decides which report shows it; errors name items.

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

interface Item { id: string; zh: string; en: string; max: number }
interface Visit { id: number; month: string; passed: boolean | null; complete: boolean; scored: number; items: number; finished: boolean }

async function items(): Promise<Item[]> {
  const t = (await call<{ sections: { modules: { items?: Item[] }[] }[] }>(env.tokens.admin, '/api/templates/dealer-aftersales')).body;
  return t.sections.flatMap((s) => s.modules.flatMap((m) => m.items ?? []));
}

describe('draft visits over the API', () => {
  it('4 of 100 is a draft in the list, the visit, the overview, the checklist and the report; finishing judges it everywhere at once', async () => {
    const all = await items();
    const four = all.slice(0, 4).map((i) => ({ id: i.id, score: i.max }));
    const created = await call<{ id: number; scorecard: { complete: boolean; progress: { scored: number; of: number } } }>(env.tokens.consultant, '/api/assessments', {
      method: 'POST', body: { dealer: env.own, date: '2026-12-01', scores: four },
    });
    expect(created.status).toBe(201);
    expect(created.body.scorecard).toMatchObject({ complete: false, progress: { scored: 4, of: 100 } });
    const id = created.body.id;
    const latestMonth = env.months.at(-1)!;

    const draft = { id, month: latestMonth, passed: null, complete: false, scored: 4, items: 100, finished: false };
    const list = (await call<Visit[]>(env.tokens.dealer, `/api/dealers/${env.own}/assessments`)).body;
    expect(list[0]).toMatchObject(draft);
    expect((await call<Visit>(env.tokens.dealer, `/api/assessments/${id}`)).body).toMatchObject(draft);
    const overview = (await call<{ code: string; checklist: Visit | null }[]>(env.tokens.admin, '/api/overview')).body;
    expect(overview.find((r) => r.code === env.own)!.checklist).toMatchObject({ id, month: latestMonth, passed: null, complete: false, scored: 4, items: 100 });
    const checklist = (await call<{ visit: Visit; modules: { id: string; rate: number | null; partial: boolean; passed: boolean | null }[] }>(env.tokens.dealer, `/api/dealers/${env.own}/checklist`)).body;
    expect(checklist.visit).toMatchObject({ id, passed: null, scored: 4, items: 100 });
    // The 4 items are at full marks: their module's partial rate is 100 %, not passed or failed.
    const partial = checklist.modules.find((m) => m.rate !== null)!;
    expect(partial).toMatchObject({ rate: 1, partial: true, passed: null });
    expect(checklist.modules.every((m) => m.partial && m.passed === null)).toBe(true);
    // Dated 2026-12-01, read against the latest month with data: that month's report shows it.
    const report = (await call<{ assessment: Visit | null; visitMonth: string | null }>(env.tokens.dealer, `/api/dealers/${env.own}/report/model?month=${latestMonth}`)).body;
    expect([report.assessment?.id, report.assessment?.passed, report.visitMonth]).toEqual([id, null, null]);

    // Saved again: same id, more lines.
    const eight = all.slice(0, 8).map((i) => ({ id: i.id, score: i.max }));
    const saved = await call<{ id: number }>(env.tokens.consultant, `/api/assessments/${id}`, { method: 'PUT', body: { date: '2026-12-01', scores: eight } });
    expect([saved.status, saved.body.id]).toEqual([200, id]);
    expect((await call<Visit>(env.tokens.admin, `/api/assessments/${id}`)).body).toMatchObject({ scored: 8, passed: null });

    // A dealer user cannot save it.
    expect((await call(env.tokens.dealer, `/api/assessments/${id}`, { method: 'PUT', body: { date: '2026-12-01', scores: eight } })).status).toBe(403);

    const finished = await call<{ scorecard: { complete: boolean; passed: boolean } }>(env.tokens.consultant, `/api/assessments/${id}`, { method: 'PUT', body: { date: '2026-12-01', scores: eight, finish: true } });
    expect(finished.status).toBe(200);
    expect(finished.body.scorecard).toMatchObject({ complete: true, passed: false });
    const judged = { id, passed: false, complete: true, scored: 8, items: 100 };
    expect((await call<Visit[]>(env.tokens.dealer, `/api/dealers/${env.own}/assessments`)).body[0]).toMatchObject({ ...judged, finished: true });
    expect((await call<{ code: string; checklist: Visit | null }[]>(env.tokens.admin, '/api/overview')).body.find((r) => r.code === env.own)!.checklist).toMatchObject(judged);
    expect((await call<{ visit: Visit }>(env.tokens.dealer, `/api/dealers/${env.own}/checklist`)).body.visit).toMatchObject(judged);
    expect((await call<{ assessment: Visit }>(env.tokens.dealer, `/api/dealers/${env.own}/report/model?month=${latestMonth}`)).body.assessment).toMatchObject(judged);

    // Complete: no longer changes.
    const late = await call<{ error: { code: string } }>(env.tokens.consultant, `/api/assessments/${id}`, { method: 'PUT', body: { date: '2026-12-01', scores: four } });
    expect([late.status, late.body.error.code]).toEqual([409, 'assessment_complete']);

    const audit = (await call<{ entries: { action: string; target: string; detail: Record<string, unknown> }[] }>(env.tokens.admin, `/api/audit?action=assessment`)).body.entries.filter((e) => e.target === String(id));
    expect(audit.map((e) => e.action)).toEqual(['assessment.finish', 'assessment.save', 'assessment.add']);
    expect(audit[0]!.detail).toMatchObject({ passed: false, complete: true, scored: 8, items: 100 });
    expect(audit[2]!.detail).toMatchObject({ passed: null, complete: false, scored: 4, items: 100, month: latestMonth });
  });

  it('a visit of an earlier data month entered later shows in that month\'s report; a later report cites it', async () => {
    const [m1, m2] = env.months.slice(-3, -1) as [string, string];
    const all = await items();
    const v = await call<{ id: number }>(env.tokens.consultant, '/api/assessments', {
      method: 'POST', body: { dealer: env.other, date: '2027-02-03', month: m1, scores: all.slice(0, 2).map((i) => ({ id: i.id, score: 0 })) },
    });
    expect(v.status).toBe(201);
    const r1 = (await call<{ assessment: Visit | null; visitMonth: string | null }>(env.tokens.admin, `/api/dealers/${env.other}/report/model?month=${m1}`)).body;
    expect([r1.assessment?.id, r1.assessment?.month, r1.visitMonth]).toEqual([v.body.id, m1, null]);
    const r2 = (await call<{ assessment: Visit | null; visitMonth: string | null }>(env.tokens.admin, `/api/dealers/${env.other}/report/model?month=${m2}`)).body;
    expect([r2.assessment?.id, r2.visitMonth]).toEqual([v.body.id, m1]);
    const bad = await call<{ error: { code: string } }>(env.tokens.consultant, '/api/assessments', { method: 'POST', body: { dealer: env.other, date: '2027-02-03', month: '2027-13', scores: [] } });
    expect(bad.status).toBe(400);
  });

  it('an over-max score is refused naming the item by its name, the id only as a detail', async () => {
    const [first] = await items();
    const r = await fetch(`${base}/api/assessments`, {
      method: 'POST', headers: { ...bearer(env.tokens.consultant), 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ dealer: env.own, date: '2025-12-02', scores: [{ id: first!.id, score: first!.max + 1 }] }),
    });
    const body = (await r.json()) as { error: { code: string; message: string; details: { id: string } } };
    expect(r.status).toBe(422);
    expect(body.error.code).toBe('score_over_max');
    expect(body.error.message).toBe(`项目“${first!.zh}”的得分 ${first!.max + 1} 超过满分 ${first!.max}（${first!.id}）`);
    expect(body.error.message.startsWith(`项目“${first!.zh}”`)).toBe(true);
    expect(body.error.details.id).toBe(first!.id);
  });
});
