// Actions in a real DuckDB file: add, move, note, list, count, audit — and the coaching effect
// measured on a network whose booking rates come out of the real KPI engine.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, type Database } from '@fixops/db';
import { saveAssessment, findTemplate } from '@fixops/assessment';
import { scoreAssessment } from '@fixops/checklist';
import { monthRange } from '@fixops/shared';
import { actionCounts, addAction, changeAction, listActions } from './store.js';
import { withEffects } from './effects.js';
import { effectSentence, effectLabel } from './words.js';
import { mayMoveTo } from './types.js';
import { bookingNetwork, type NetworkDealer } from './test-helpers/network.js';

// The dealer's booking rate 2024-07 .. 2025-08 (as in effect.test.ts): MAD 0.01 over 2024-07..2025-06,
// before window 2025-04..06 mean 0.40.
const BASE = [0.40, 0.42, 0.38, 0.41, 0.39, 0.40, 0.43, 0.37, 0.40, 0.41, 0.39, 0.40, 0.45, 0.50];
const MONTHS = monthRange('2024-07', '2025-11');
const series = (values: number[]) => Object.fromEntries(values.map((v, i) => [MONTHS[i]!, v]));
// Peers: 0.30 and 0.50 flat; the middle one moves 0.35 → 0.36 → 0.34 before and 0.36 → 0.35 → 0.37 after.
const MIDDLE = [...Array<number>(9).fill(0.35), 0.35, 0.36, 0.34, 0.35, 0.35, 0.36, 0.35, 0.37];
const group = (g: string, code: string, after: number[]): NetworkDealer[] => [
  { code, group: g, booking: series([...BASE, ...after]) },
  { code: `${code}P1`, group: g, booking: series(Array<number>(17).fill(0.30)) },
  { code: `${code}P2`, group: g, booking: series(MIDDLE) },
  { code: `${code}P3`, group: g, booking: series(Array<number>(17).fill(0.50)) },
];

let db: Database;
const cli = { user: '李顾问', via: 'cli' as const };

beforeAll(async () => {
  db = await bookingNetwork([
    ...group('rise', 'SZ001', [0.52, 0.55, 0.58]),
    ...group('flat', 'SZ002', [0.40, 0.41, 0.39]),
    ...group('drop', 'SZ003', [0.30, 0.31, 0.29]),
  ]);
});
afterAll(() => db.close());

const add = async (dealer: string, extra: Partial<Parameters<typeof addAction>[1]> = {}) => {
  const r = await addAction(db.connection, {
    dealer, target: { kind: 'kpi', id: 'booking_rate' }, title: '提升预约率：每日回访提醒', owner: '王经理', due: '2025-08-31', created: '2025-07-15', ...extra,
  }, cli);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
};

describe('the coaching effect on a real network', () => {
  it('rise while the peers stay flat: 改善明显 with the hand-worked numbers; flat: 无明显变化; drop: 变差', async () => {
    const ids = [await add('SZ001'), await add('SZ002'), await add('SZ003')];
    const all = await withEffects(db.connection, await listActions(db.connection, { on: '2025-12-15' }));
    const byDealer = (d: string) => all.find((a) => a.dealer === d && ids.includes(a.id))!;
    const rise = byDealer('SZ001');
    expect(rise.effect.kind).toBe('kpi');
    if (rise.effect.kind !== 'kpi') return;
    expect(rise.effect.beforeMonths).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(rise.effect.afterMonths).toEqual(['2025-09', '2025-10', '2025-11']);
    expect(rise.effect.dealerBefore).toBeCloseTo(0.40, 10);
    expect(rise.effect.dealerAfter).toBeCloseTo(0.55, 10);
    expect(rise.effect.groupBefore).toBeCloseTo(0.35, 10); // medians 0.35, 0.36, 0.34 of {0.30, middle, 0.50}
    expect(rise.effect.groupAfter).toBeCloseTo(0.36, 10); // medians 0.36, 0.35, 0.37
    expect(rise.effect.did).toBeCloseTo(0.14, 10); // (0.55 − 0.40) − (0.36 − 0.35)
    expect(rise.effect.mad).toBeCloseTo(0.01, 10);
    expect(rise.effect.z).toBeCloseTo(9.443, 3); // 0.6745 × 0.14 / 0.01
    expect(rise.effect.verdict).toBe('improved');
    expect(effectLabel(rise.effect, 'zh')).toBe('改善明显');
    expect(effectSentence(rise, 'zh')).toBe('预约率整改前 3 个月（2025-04–2025-06）平均 40.0%，整改后 3 个月（2025-09–2025-11）平均 55.0%，变化 +15.0 个百分点；'
      + '同组经销商（中位数）同期 35.0% → 36.0%（+1.0 个百分点）。扣除同组的变化，本店净变化 +14.0 个百分点，超出本店平时的波动（±1.5 个百分点）：改善明显。');
    expect(effectSentence(rise, 'en')).toContain('a clear improvement');

    const flat = byDealer('SZ002');
    expect(flat.effect).toMatchObject({ verdict: 'unchanged' });
    if (flat.effect.kind === 'kpi') expect(flat.effect.did).toBeCloseTo(-0.01, 10);
    expect(effectSentence(flat, 'zh')).toContain('本店净变化 −1.0 个百分点，在本店平时的波动（±1.5 个百分点）之内：无明显变化。');

    const drop = byDealer('SZ003');
    expect(drop.effect).toMatchObject({ verdict: 'worse' });
    if (drop.effect.kind === 'kpi') expect(drop.effect.did).toBeCloseTo(-0.11, 10);
    expect(effectLabel(drop.effect, 'zh')).toBe('变差');
  });

  it('数据不足 while no month after the due date has data', async () => {
    const id = await add('SZ001', { created: '2025-10-01', due: '2025-11-30' });
    const [a] = await withEffects(db.connection, (await listActions(db.connection, { dealer: 'SZ001' })).filter((x) => x.id === id));
    expect(a!.effect).toMatchObject({ verdict: 'insufficient', reason: 'no_after' });
    expect(effectSentence(a!, 'zh')).toBe('数据不足：截止日期 2025-11-30 之后还没有数据月份，到时再看效果。');
  });
});

describe('actions: writes, reads, counts, audit', () => {
  it('refuses bad input with zh/en reasons', async () => {
    const base = { dealer: 'SZ001', target: { kind: 'kpi' as const, id: 'booking_rate' }, title: 'x', owner: 'y', due: '2026-01-31', created: '2025-12-01' };
    const refused = async (a: Parameters<typeof addAction>[1]) => {
      const r = await addAction(db.connection, a, cli);
      if (r.ok) throw new Error('accepted');
      return r.error;
    };
    expect((await refused({ ...base, dealer: 'NOPE' })).code).toBe('unknown_dealer');
    expect((await refused({ ...base, target: { kind: 'kpi', id: 'booking' } })).code).toBe('unknown_kpi');
    expect((await refused({ ...base, target: { kind: 'module', id: 'front_desk.nope' } })).code).toBe('unknown_module');
    expect((await refused({ ...base, due: '2026-02-30' })).message.zh).toContain('截止日期“2026-02-30”无效');
    expect((await refused({ ...base, title: '  ' })).message.zh).toBe('请填写整改事项');
    expect((await refused({ ...base, created: '2026-02-01' })).code).toBe('invalid_date');
  });

  it('moves statuses, keeps notes, counts open and overdue, and audits every write', async () => {
    const id = await add('SZ002P1', { due: '2025-12-01', created: '2025-11-01', target: { kind: 'module', id: 'front_desk.visual_boards' }, title: '看板每日更新' });
    const id2 = await add('SZ002P1', { due: '2026-03-01', created: '2025-11-01' });
    expect(await actionCounts(db.connection, { dealer: 'SZ002P1', on: '2025-12-10' })).toEqual([{ dealer: 'SZ002P1', open: 2, overdue: 1 }]);
    let list = await listActions(db.connection, { dealer: 'SZ002P1', on: '2025-12-10' });
    expect(list.map((a) => [a.id, a.status, a.overdue, a.target.name.zh])).toEqual([[id, 'open', true, '前台 · 看板管理'], [id2, 'open', false, '预约率']]);
    const done = await changeAction(db.connection, id, { status: 'done', note: '已安排专人' }, { user: 'sz002p1', via: 'api', ip: '10.0.0.1' });
    expect(done.ok && done.value.status).toBe('done');
    await changeAction(db.connection, id, { note: '照片已上传' }, cli);
    const verified = await changeAction(db.connection, id, { status: 'verified' }, cli);
    expect(verified.ok && verified.value.events.map((e) => [e.user, e.status, e.note])).toEqual([
      ['李顾问', 'open', null], ['sz002p1', 'done', '已安排专人'], ['李顾问', null, '照片已上传'], ['李顾问', 'verified', null],
    ]);
    expect(await actionCounts(db.connection, { dealer: 'SZ002P1', on: '2025-12-10' })).toEqual([{ dealer: 'SZ002P1', open: 1, overdue: 0 }]);
    list = await listActions(db.connection, { dealer: 'SZ002P1', status: 'verified' });
    expect(list.map((a) => a.id)).toEqual([id]);
    const bad = await changeAction(db.connection, 9999, { status: 'done' }, cli);
    expect(!bad.ok && bad.error.code).toBe('not_found');
    const audit = await listAudit(db.connection, { action: 'action.status' });
    expect(audit.entries.filter((r) => r.target === String(id)).map((r) => [r.user, r.via, r.detail.old, r.detail.new])).toEqual([
      ['李顾问', 'cli', 'done', 'verified'], ['sz002p1', 'api', 'open', 'done'],
    ]);
    expect((await listAudit(db.connection, { action: 'action.add' })).entries.some((r) => r.target === String(id2) && r.detail.dealer === 'SZ002P1')).toBe(true);
    expect((await listAudit(db.connection, { action: 'action.note' })).entries.some((r) => r.target === String(id) && r.detail.note === '照片已上传')).toBe(true);
  });

  it('a dealer user may mark done but never verify', () => {
    expect(mayMoveTo('dealer', 'open', 'done')).toBe(true);
    expect(mayMoveTo('dealer', 'done', 'open')).toBe(true);
    expect(mayMoveTo('dealer', 'done', 'verified')).toBe(false);
    expect(mayMoveTo('dealer', 'verified', 'open')).toBe(false);
    expect(mayMoveTo('consultant', 'done', 'verified')).toBe(true);
  });

  it('a module action: the rate at the visit before against the next visit after', async () => {
    const t = await findTemplate('dealer-aftersales');
    if (!t.ok) throw new Error('template');
    const visit = async (date: string, score: number) => {
      const scores = [{ id: 'front_desk.visual_boards', score }];
      const card = scoreAssessment(t.value, scores);
      if (!card.ok) throw new Error('score');
      await saveAssessment(db.connection, { dealer: 'SZ003P1', date, scores, scorecard: card.value }, cli);
    };
    await visit('2025-06-10', 6); // 6 / 24 = 25 %
    const id = await add('SZ003P1', { target: { kind: 'module', id: 'front_desk.visual_boards' }, created: '2025-06-10', due: '2025-08-31' });
    let [a] = await withEffects(db.connection, (await listActions(db.connection, { dealer: 'SZ003P1' })).filter((x) => x.id === id));
    expect(a!.effect).toMatchObject({ kind: 'module', verdict: 'insufficient', reason: 'no_after' });
    await visit('2025-09-20', 18); // 18 / 24 = 75 %
    [a] = await withEffects(db.connection, (await listActions(db.connection, { dealer: 'SZ003P1' })).filter((x) => x.id === id));
    expect(a!.effect).toMatchObject({ kind: 'module', verdict: 'improved', before: { date: '2025-06-10', rate: 0.25 }, after: { date: '2025-09-20', rate: 0.75 } });
    expect(effectSentence(a!, 'zh')).toBe('前台 · 看板管理得分率：整改前的评估（2025-06-10）25.0%，整改后的下一次评估（2025-09-20）75.0%，变化 +50.0 个百分点。');
    expect(effectLabel(a!.effect, 'zh')).toBe('得分率上升');
  });
});
