import { describe, expect, it } from 'vitest';
import { openDatabase } from '@fixops/db';
import { scoreAssessment, type PointsTemplate } from '@fixops/checklist';
import { findTemplate } from './templates.js';
import { getAssessment, listAssessments, moduleHistory, saveAssessment } from './store.js';

async function template(): Promise<PointsTemplate> {
  const t = await findTemplate('dealer-aftersales');
  if (!t.ok || t.value.kind !== 'points') throw new Error('dealer-aftersales template missing');
  return t.value;
}

describe('stored assessments', () => {
  it('keeps every score, the scorecard of the day, and the history of each module', async () => {
    const db = await openDatabase(':memory:');
    const t = await template();
    const first = [{ id: 'front_desk.visual_boards', score: 0, note: '没有看板' }, { id: 'front_desk.dms', score: 5 }];
    const second = [{ id: 'front_desk.visual_boards', score: 18 }, { id: 'front_desk.dms', score: 9 }];
    const card1 = scoreAssessment(t, first);
    const card2 = scoreAssessment(t, second);
    if (!card1.ok || !card2.ok) throw new Error('scoring failed');
    const id1 = await saveAssessment(db.connection, { dealer: 'SH001', date: '2025-03-01', assessor: '张顾问', scores: first, scorecard: card1.value });
    const id2 = await saveAssessment(db.connection, { dealer: 'SH001', date: '2025-09-01', scores: second, scorecard: card2.value, notes: '复评' });
    const list = await listAssessments(db.connection, { dealer: 'SH001' });
    expect(list.map((a) => [a.id, a.date, a.total])).toEqual([[id2, '2025-09-01', 27], [id1, '2025-03-01', 5]]);
    // Two modules scored whole (4 + 3 items: 7 of 100 lines): a draft, neither passed nor failed.
    expect(list[0]).toMatchObject({ templateId: 'dealer-aftersales', max: 1000, passed: null, complete: false, scored: 7, items: 100, finished: false, month: '2025-09' });
    const a1 = await getAssessment(db.connection, id1);
    expect(a1).toMatchObject({ assessor: '张顾问', notes: null, scores: first });
    expect(a1!.scorecard.total).toBe(5);
    expect((await listAssessments(db.connection, { dealer: 'SH001', until: '2025-06-30' })).map((a) => a.id)).toEqual([id1]);
    const history = await moduleHistory(db.connection, 'SH001');
    expect(history.map((h) => [h.date, h.modules['front_desk.visual_boards'], h.modules['front_desk.dms']])).toEqual([
      ['2025-03-01', 0, 0.5], ['2025-09-01', 0.75, 0.9],
    ]);
    expect(await getAssessment(db.connection, 999)).toBeUndefined();
    db.close();
  });
});
