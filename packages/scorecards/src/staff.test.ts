// A dealer's staff: advisors from repair orders plus people added by hand, scorecards on the
// staff templates (totals and pass at 70 % worked by hand), history newest first with the
// change, and an advisor's KPIs from the per-advisor breakdown beside the scorecard.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit, openDatabase, type Database } from '@fixops/db';
import type { PointsTemplate, ScoreEntry } from '@fixops/checklist';
import { findTemplate } from '@fixops/assessment';
import { addStaff, advisorKpis, getStaff, getStaffScorecard, listStaff, saveStaffScorecard } from './staff.js';
import { scoreStaffSheet } from './staff-sheet.js';

let db: Database;
const actor = { user: 'li', via: 'api' as const, ip: '127.0.0.1' };

async function template(id: string): Promise<PointsTemplate> {
  const t = await findTemplate(id);
  if (!t.ok || t.value.kind !== 'points') throw new Error(`${id} missing`);
  return t.value;
}

async function ro(dealer: string, n: number, advisor: string | null, extra: Record<string, string | number | null> = {}) {
  const row = { dealer_code: dealer, month: '2025-03-01', ro_no: `R${n}`, vin: `V${n}`, open_time: '2025-03-10 09:00:00', repair_type: 'maintenance', total_amount: 100,
    promised_time: null, delivered_time: null, advisor, estimate_amount: null, booking_no: null, load_id: 1, ...extra };
  const cols = Object.keys(row);
  await db.connection.run(`INSERT INTO repair_orders (${cols.join(', ')}) VALUES (${cols.map((c) => `$${c}`).join(', ')})`, row);
}

beforeEach(async () => {
  db = await openDatabase(':memory:');
  await ro('D1', 1, '王伟', { booking_no: 'B1', promised_time: '2025-03-10 12:00:00', delivered_time: '2025-03-10 11:45:00', estimate_amount: 100 });
  await ro('D1', 2, '王伟', { promised_time: '2025-03-10 12:00:00', delivered_time: '2025-03-10 12:31:00', estimate_amount: 80 });
  await ro('D1', 3, ' 李娜 ', { month: '2025-02-01', open_time: '2025-02-10 09:00:00' });
  await ro('D2', 4, '赵六');
});
afterEach(() => db.close());

/** aftersales-staff: 专业知识 8+7+9 = 24/30, 客户满意度 9+8+7 = 24/30, 工作效率 5+6+4 = 15/20, 团队合作 3+2+2 = 7/10, 改进意见 2+2+1 = 5/10. */
const PASSING: ScoreEntry[] = [
  ['staff.knowledge.product', 8], ['staff.knowledge.problem_solving', 7], ['staff.knowledge.communication', 9],
  ['staff.satisfaction.responsiveness', 9], ['staff.satisfaction.resolution_rate', 8], ['staff.satisfaction.attitude', 7],
  ['staff.efficiency.task_response', 5], ['staff.efficiency.handling_time', 6], ['staff.efficiency.organisation', 4],
  ['staff.teamwork.collaboration', 3], ['staff.teamwork.information_sharing', 2], ['staff.teamwork.knowledge_sharing', 2],
  ['staff.improvement.suggestions', 2], ['staff.improvement.feasibility', 2], ['staff.improvement.follow_through', 1],
].map(([id, score]) => ({ id: id as string, score: score as number }));

/** The same sheet with 6 points fewer on 专业知识 (8+7+9 → 2+7+9): 69 — one below the pass line of 70. */
const FAILING: ScoreEntry[] = PASSING.map((e) => (e.id === 'staff.knowledge.product' ? { id: e.id, score: 2 } : e));

describe('staff scorecard totals', () => {
  it('aftersales-staff: 24 + 24 + 15 + 7 + 5 = 75 of 100 passes (pass line 70); 69 fails', async () => {
    const t = await template('aftersales-staff');
    const pass = scoreStaffSheet(t, PASSING);
    const fail = scoreStaffSheet(t, FAILING);
    if (!pass.ok || !fail.ok) throw new Error('scoring failed');
    expect(pass.value.sections[0]!.modules.map((m) => m.score)).toEqual([24, 24, 15, 7, 5]);
    expect([pass.value.total, pass.value.max, pass.value.passed]).toEqual([75, 100, true]);
    expect([fail.value.total, fail.value.passed]).toEqual([69, false]);
  });

  it('customer-service-staff, scored per module: 20 + 18 + 14 + 10 + 8 = 70 passes exactly at the line; 69 fails', async () => {
    const t = await template('customer-service-staff');
    const modules = (k: number) => [['cs.knowledge', 20], ['cs.attitude', 18], ['cs.solving', 14], ['cs.teamwork', 10], ['cs.learning', 8 - k]].map(([id, score]) => ({ id: id as string, score: score as number }));
    const at = scoreStaffSheet(t, modules(0));
    const below = scoreStaffSheet(t, modules(1));
    if (!at.ok || !below.ok) throw new Error('scoring failed');
    expect([at.value.total, at.value.passed, below.value.total, below.value.passed]).toEqual([70, true, 69, false]);
  });

  it('refuses an unfinished sheet, naming what is left, and the dealer template', async () => {
    const t = await template('aftersales-staff');
    const part = scoreStaffSheet(t, PASSING.filter((e) => !e.id.startsWith('staff.improvement.') && e.id !== 'staff.teamwork.collaboration'));
    expect(part.ok ? null : part.error.message.zh).toBe('还有 4 项未评分，考核表未保存：团队合作（协作能力）；改进意见（主动提出改进服务质量的意见和建议、建议的可行性与价值、参与落实改进并见到效果）');
    const dealerTemplate = await findTemplate('dealer-aftersales');
    if (!dealerTemplate.ok) throw new Error('dealer-aftersales missing');
    const dealer = scoreStaffSheet(dealerTemplate.value, []);
    expect(dealer.ok ? null : dealer.error.code).toBe('not_staff_template');
  });
});

describe('a dealer\'s staff', () => {
  it('lists repair-order advisors (trimmed) and people added by hand; only this dealer\'s', async () => {
    const added = await addStaff(db.connection, { dealer: 'D1', name: '陈客服', role: '客服' }, actor);
    expect(added.ok && [added.value.role, added.value.roleZh, added.value.added]).toEqual(['customer_service', '客服', true]);
    await addStaff(db.connection, { dealer: 'D1', name: '王伟', role: 'service_advisor' }, actor);
    const list = await listStaff(db.connection, 'D1');
    expect(list.map((p) => [p.name, p.role, p.added, p.firstMonth, p.lastMonth])).toEqual([
      ['李娜', 'service_advisor', false, '2025-02', '2025-02'],
      ['王伟', 'service_advisor', true, '2025-03', '2025-03'],
      ['陈客服', 'customer_service', true, null, null],
    ]);
    const again = await addStaff(db.connection, { dealer: 'D1', name: '陈客服', role: 'technician' }, actor);
    expect(again.ok ? null : again.error.code).toBe('staff_exists');
    const role = await addStaff(db.connection, { dealer: 'D1', name: '新人', role: '厨师' }, actor);
    expect(role.ok ? null : role.error.code).toBe('unknown_role');
    expect((await listStaff(db.connection, 'D2')).map((p) => p.name)).toEqual(['赵六']);
  });

  it('keeps every scorecard, newest first, with the change against the previous one', async () => {
    const t = await template('aftersales-staff');
    const card = (s: ScoreEntry[]) => {
      const r = scoreStaffSheet(t, s);
      if (!r.ok) throw new Error(r.error.message.en);
      return r.value;
    };
    const save = async (month: string, scores: ScoreEntry[]) => {
      const r = await saveStaffScorecard(db.connection, { dealer: 'D1', name: '王伟', month, scores, scorecard: card(scores) }, actor);
      if (!r.ok) throw new Error(r.error.message.en);
      return r.value;
    };
    // 75 in 2025-01, 69 in 2025-03, then 2025-02 entered last at 80 (75 + 5 on 改进意见).
    const BEST = PASSING.map((e) => (e.id.startsWith('staff.improvement.') ? { id: e.id, score: { 'staff.improvement.suggestions': 4, 'staff.improvement.feasibility': 3, 'staff.improvement.follow_through': 3 }[e.id]! } : e));
    const jan = await save('2025-01', PASSING);
    const mar = await save('2025-03', FAILING);
    const feb = await save('2025-02', BEST);
    const p = await getStaff(db.connection, 'D1', '王伟');
    if (!p.ok) throw new Error(p.error.message.en);
    expect(p.value.history.map((h) => [h.id, h.month, h.total, h.passed, h.change, h.trend])).toEqual([
      [mar, '2025-03', 69, false, -0.11, 'down'],
      [feb, '2025-02', 80, true, 0.05, 'up'],
      [jan, '2025-01', 75, true, null, null],
    ]);
    expect(p.value.latest?.id).toBe(mar);
    expect((await getStaffScorecard(db.connection, feb))?.scorecard.total).toBe(80);
    const unknown = await saveStaffScorecard(db.connection, { dealer: 'D2', name: '王伟', month: '2025-03', scores: PASSING, scorecard: card(PASSING) }, actor);
    expect(unknown.ok ? null : unknown.error.code).toBe('unknown_staff');
    const audit = await listAudit(db.connection, { action: 'staff' });
    expect(audit.entries.map((e) => [e.action, e.target, e.via, e.ip])).toEqual([
      ['staff.score', 'D1/王伟', 'api', '127.0.0.1'], ['staff.score', 'D1/王伟', 'api', '127.0.0.1'], ['staff.score', 'D1/王伟', 'api', '127.0.0.1'],
    ]);
  });

  it('an advisor\'s KPIs for a month come from the per-advisor breakdown; none for a month without ROs', async () => {
    // 王伟, 2025-03: 2 ROs of 100, one booked, one delivered on time of two promised.
    expect(await advisorKpis(db.connection, 'D1', '王伟', '2025-03')).toMatchObject({ advisor: '王伟', ro_count: 2, revenue_per_ro: 100, booking_rate: 0.5, on_time_rate: 0.5 });
    expect(await advisorKpis(db.connection, 'D1', '王伟', '2025-01')).toBeNull();
  });
});
