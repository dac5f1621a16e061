import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplateFile, TEMPLATES_DIR, type PointsTemplate } from '@fixops/checklist';
import { checkField, liveState, lines, parseScore, passLine, requestBody } from './form.js';

// The shipped template as the API serves it (GET /api/templates/:id: the validated template).
const loaded = await loadTemplateFile(join(TEMPLATES_DIR, 'dealer-aftersales.yaml'));
if (!loaded.ok || loaded.value.kind !== 'points') throw new Error('dealer-aftersales.yaml did not load');
const TEMPLATE: PointsTemplate = loaded.value;

const SEED = { 'front_desk.core_process': '100', 'front_desk.5s_safety': '43', 'front_desk.staff_training': '9', 'front_desk.records': '7', 'front_desk.visual_boards': '0', 'front_desk.dms': '5' };

describe('assessment form: live totals', () => {
  it('agrees with the seed report: front desk 164/330, below its 231 pass line', () => {
    const s = liveState(TEMPLATE, SEED);
    expect(s.issues).toEqual([]);
    const fd = s.card?.sections.find((x) => x.id === 'front_desk');
    expect(fd?.modules.map((m) => [m.score, m.max])).toEqual([[100, 195], [43, 62], [9, 28], [7, 11], [0, 24], [5, 10]]);
    expect([fd?.score, fd?.max, fd?.complete, fd?.passed]).toEqual([164, 330, true, false]);
    expect(passLine(TEMPLATE, 'front_desk', 330)).toBe(231);
    expect([s.card?.total, s.card?.max, s.card?.complete]).toEqual([164, 1000, false]);
    expect(s.scores).toHaveLength(6);
  });

  it('sums items as typed, and counts filled lines', () => {
    const s = liveState(TEMPLATE, { 'front_desk.core_process.appointment_call': '20', 'front_desk.core_process.reception': '12.5' });
    const core = s.card?.sections[0]?.modules[0];
    expect([core?.score, core?.complete]).toEqual([32.5, false]);
    expect(s.filled).toBe(2);
    expect(s.toFill).toBe(TEMPLATE.sections.flatMap((x) => x.modules).reduce((n, m) => n + Math.max(1, m.items?.length ?? 0), 0));
  });

  it('a field above its max, negative or not a number is named and left out of the totals', () => {
    const s = liveState(TEMPLATE, { 'front_desk.core_process.reception': '16', 'front_desk.core_process.walkaround': 'abc', 'front_desk.core_process.estimate': '-1', 'front_desk.core_process.appointment_call': '10' });
    expect(s.issues.map((i) => i.id)).toEqual(['front_desk.core_process.reception', 'front_desk.core_process.walkaround', 'front_desk.core_process.estimate']);
    // Named by the item's name; the id only as a detail at the end.
    expect(s.issues[0]?.message.zh).toBe('项目“接车问候与快速接待”的得分 16 超过满分 15（front_desk.core_process.reception）');
    expect(s.issues[1]?.message.en).toContain('must be a number (got "abc")');
    expect(s.card?.total).toBe(10);
  });
});

describe('assessment form: fields', () => {
  it('reads numbers as typed, with full-width digits and empty as unscored', () => {
    expect(parseScore(' 12 ')).toBe(12);
    expect(parseScore('１２．５')).toBe(12.5);
    expect(parseScore('')).toBeNull();
    expect(parseScore('1e3')).toBeNaN();
    expect(parseScore('12a')).toBeNaN();
  });

  it('checks 0..max for the line', () => {
    const line = lines(TEMPLATE).get('front_desk.dms')!;
    expect(checkField(line, '10')).toBeNull();
    expect(checkField(line, '0')).toBeNull();
    expect(checkField(line, '10.5')?.zh).toContain('超过满分 10');
    expect(checkField(line, '')).toBeNull();
  });
});

describe('assessment form: request body', () => {
  it('builds the POST /api/assessments body from the valid scores', () => {
    const r = requestBody(TEMPLATE, { dealer: 'D001', date: '2024-03-05', assessor: ' 王 ', notes: '' }, SEED);
    expect(r).toEqual({ ok: true, body: { dealer: 'D001', date: '2024-03-05', template: 'dealer-aftersales', assessor: '王', scores: Object.entries(SEED).map(([id, v]) => ({ id, score: Number(v) })) } });
  });

  it('refuses to send with a bad date, a bad field or no score at all', () => {
    const r = requestBody(TEMPLATE, { dealer: 'D001', date: '2024-13-45' }, { 'front_desk.dms': '11' });
    expect(r.ok || r.issues.map((i) => i.id)).toEqual(['date', 'front_desk.dms', 'scores']);
  });
});
