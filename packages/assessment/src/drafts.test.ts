import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, migrate, migrations, openDatabase, queryJson, transaction } from '@fixops/db';
import { scoreAssessment, type PointsTemplate, type ScoreEntry } from '@fixops/checklist';
import { recomputeAll } from '@fixops/metrics';
import { buildReport } from './model.js';
import { defaultVisitMonth, getAssessment, listAssessments } from './store.js';
import { finishVisit, recordVisit } from './visit.js';
import { findTemplate } from './templates.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixops-drafts-'));
  dirs.push(dir);
  return join(dir, 'test.duckdb');
}

async function template(): Promise<PointsTemplate> {
  const t = await findTemplate('dealer-aftersales');
  if (!t.ok || t.value.kind !== 'points') throw new Error('dealer-aftersales template missing');
  return t.value;
}

/** The first n item ids of the form, each scored at its max. */
function fullMarks(t: PointsTemplate, n = Infinity): ScoreEntry[] {
  const out: ScoreEntry[] = [];
  for (const s of t.sections) for (const m of s.modules) for (const i of m.items ?? []) if (out.length < n) out.push({ id: i.id, score: i.max });
  return out;
}

/** Dealer D1 with repair orders (so KPIs) in 2025-11 and 2025-12. */
async function dealerWithData(path = ':memory:') {
  const db = await openDatabase(path);
  const c = db.connection;
  await c.run("INSERT INTO dealers (dealer_code, name, peer_group) VALUES ('D1', '测试店', 'metro')");
  await c.run(`INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, total_amount, load_id)
    SELECT 'D1', date_trunc('month', t)::DATE, 'R' || i, 'V' || i, t, 'maintenance', 300, 0
    FROM (SELECT i, TIMESTAMP '2025-11-05 09:00' + INTERVAL (i // 3) MONTH AS t FROM range(6) r(i))`);
  await transaction(c, () => recomputeAll(c));
  return db;
}

describe('a visit is a draft until every line is scored, and can be saved and continued', () => {
  it('4 of 100 lines: a draft (passed null); saved again and finished it is judged, every save in the audit log', async () => {
    const db = await dealerWithData();
    const c = db.connection;
    const t = await template();
    const four = fullMarks(t, 4);
    const first = await recordVisit(c, t, { dealer: 'D1', date: '2026-12-01', scores: four });
    if (!first.ok) throw new Error(first.error.code);
    const id = first.value.id;
    let [v] = await listAssessments(c, { dealer: 'D1' });
    // Dated 2026-12-01, read against the latest month with data: 2025-12.
    expect(v).toMatchObject({ id, date: '2026-12-01', month: '2025-12', complete: false, passed: null, scored: 4, items: 100, finished: false });

    const ten = fullMarks(t, 10);
    const again = await recordVisit(c, t, { id, dealer: 'D1', date: '2026-12-01', scores: ten });
    expect(again.ok).toBe(true);
    [v] = await listAssessments(c, { dealer: 'D1' });
    expect([v!.id, v!.scored, v!.passed, (await getAssessment(c, id))!.scores.length]).toEqual([id, 10, null, 10]);

    const done = await finishVisit(c, t, id);
    if (!done.ok) throw new Error(done.error.code);
    [v] = await listAssessments(c, { dealer: 'D1' });
    // The 10 full-mark lines are far below 70 % of 1000: a fail, with 90 lines left counted 0.
    expect(v).toMatchObject({ id, complete: true, passed: false, scored: 10, items: 100, finished: true, total: done.value.scorecard.total });
    expect(done.value.scorecard.finished).toBe(true);

    // A complete visit no longer changes.
    const late = await recordVisit(c, t, { id, dealer: 'D1', date: '2026-12-01', scores: ten });
    expect(late.ok ? null : late.error.code).toBe('assessment_complete');
    // Another dealer cannot address it.
    const other = await recordVisit(c, t, { id, dealer: 'D2', date: '2026-12-01', scores: ten });
    expect(other.ok ? null : other.error.code).toBe('assessment_not_found');

    const audit = await listAudit(c, {});
    expect(audit.entries.map((a) => a.action).filter((a) => a.startsWith('assessment.')).sort()).toEqual(['assessment.add', 'assessment.finish', 'assessment.save']);
    db.close();
  });

  it('a draft saved with every line scored is complete; 100 lines at full marks pass', async () => {
    const db = await dealerWithData();
    const t = await template();
    const r = await recordVisit(db.connection, t, { dealer: 'D1', date: '2025-12-20', scores: fullMarks(t) });
    if (!r.ok) throw new Error(r.error.code);
    const [v] = await listAssessments(db.connection, { dealer: 'D1' });
    expect(v).toMatchObject({ complete: true, passed: true, scored: 100, items: 100, finished: false, total: 1000 });
    db.close();
  });

  it('the data month: given, else the latest month with data on or before the date, else the date\'s month', async () => {
    const db = await dealerWithData();
    const c = db.connection;
    expect(await defaultVisitMonth(c, 'D1', '2025-11-30')).toBe('2025-11');
    expect(await defaultVisitMonth(c, 'D1', '2025-12-01')).toBe('2025-12');
    expect(await defaultVisitMonth(c, 'D1', '2027-03-01')).toBe('2025-12');
    expect(await defaultVisitMonth(c, 'D1', '2025-10-31')).toBe('2025-10');
    const t = await template();
    const bad = await recordVisit(c, t, { dealer: 'D1', date: '2026-01-05', month: '2025-13', scores: fullMarks(t, 1) });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_month');
    db.close();
  });
});

describe('the report of month M shows the visit of month M, else the latest of an earlier month', () => {
  it('a visit of 2025-12 entered on 2026-03-02 is the 2025-12 report\'s; the 2026-01 report cites it', async () => {
    const db = await dealerWithData();
    const c = db.connection;
    const t = await template();
    const nov = await recordVisit(c, t, { dealer: 'D1', date: '2025-11-20', scores: fullMarks(t, 3) });
    const dec = await recordVisit(c, t, { dealer: 'D1', date: '2026-03-02', month: '2025-12', scores: fullMarks(t, 5) });
    if (!nov.ok || !dec.ok) throw new Error('save');
    const m12 = await buildReport(c, { dealer: 'D1', month: '2025-12' });
    expect([m12.assessment?.id, m12.assessment?.month, m12.visitMonth]).toEqual([dec.value.id, '2025-12', null]);
    expect(m12.previous?.date).toBe('2025-11-20');
    const m11 = await buildReport(c, { dealer: 'D1', month: '2025-11' });
    expect([m11.assessment?.id, m11.visitMonth]).toEqual([nov.value.id, null]);
    const m01 = await buildReport(c, { dealer: 'D1', month: '2026-01' });
    expect([m01.assessment?.id, m01.visitMonth]).toEqual([dec.value.id, '2025-12']);
    const m10 = await buildReport(c, { dealer: 'D1', month: '2025-10' });
    expect(m10.assessment).toBeNull();
    db.close();
  });
});

describe('migration 9 keeps old visits as they were judged', () => {
  it('old complete visits keep pass/fail; old incomplete ones become drafts with counted lines and a data month', async () => {
    const path = tempFile();
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    await migrate(c, migrations.filter((m) => m.version <= 8));
    const t = await template();
    // KPIs of 2025-11 only.
    await c.run("INSERT INTO kpi_values VALUES ('D1', DATE '2025-11-01', 'ro_count', 3)");
    const old = (id: number, date: string, scores: ScoreEntry[]) => {
      const card = scoreAssessment(t, scores);
      if (!card.ok) throw new Error('score');
      // The card as stored before migration 9: no progress.
      const { progress: _p, ...stored } = card.value;
      return c.run(`INSERT INTO assessments VALUES ($id, 'D1', $date::DATE, NULL, 'dealer-aftersales', 1, $total, 1000, $passed, $complete, NULL, $card::JSON, TIMESTAMP '2025-12-01 10:00')`,
        { id, date, total: card.value.total, passed: card.value.passed, complete: card.value.complete, card: JSON.stringify(stored) });
    };
    // #1: 4 items and one module scored whole; #2: every line at full marks.
    await old(1, '2025-12-15', [...fullMarks(t, 4), { id: 'front_desk.dms', score: 5 }]);
    await old(2, '2025-10-03', fullMarks(t));
    await migrate(c, migrations);
    const rows = await queryJson<{ id: number; month: string; scored: number; lines: number; finished: boolean }>(c,
      'SELECT id::INTEGER AS id, data_month AS month, scored, lines, finished_at IS NOT NULL AS finished FROM assessments ORDER BY id');
    // front_desk.dms has 3 items; scored whole, its old card has no item breakdown, so the migration
    // counts it as one line: 4 items + 1 = 5 scored of 100 - 3 + 1 = 98 (the form itself shows 7/100).
    expect(rows).toEqual([
      { id: 1, month: '2025-11', scored: 5, lines: 98, finished: false },
      { id: 2, month: '2025-10', scored: 100, lines: 100, finished: true },
    ]);
    c.closeSync();
    instance.closeSync();
    const db = await openDatabase(path);
    const list = await listAssessments(db.connection, { dealer: 'D1' });
    expect(list.map((v) => [v.id, v.month, v.passed, v.complete])).toEqual([[1, '2025-11', null, false], [2, '2025-10', true, true]]);
    expect((await getAssessment(db.connection, 1))!.scorecard.progress.scored).toBe(5);
    db.close();
  });
});
