import { describe, expect, it } from 'vitest';
import { loadTemplate } from './load-template.js';
import { scoreAssessment, passRateOf, type ScoreEntry } from './score.js';
import { dealerTemplate, expectRefusal, loaded, miniPoints, supplierTemplate } from './test-helpers/fixtures.js';

const SEED_FRONT_DESK: ScoreEntry[] = [
  { id: 'front_desk.core_process', score: 100 },
  { id: 'front_desk.5s_safety', score: 43 },
  { id: 'front_desk.staff_training', score: 9 },
  { id: 'front_desk.records', score: 7 },
  { id: 'front_desk.visual_boards', score: 0 },
  { id: 'front_desk.dms', score: 5 },
];

describe('the seed scored front desk (上海XX汽车销售服务有限公司, 2014)', () => {
  const card = loaded(scoreAssessment(dealerTemplate(), SEED_FRONT_DESK));
  const frontDesk = card.sections.find((s) => s.id === 'front_desk');

  it('gives each module its score out of its max', () => {
    expect(frontDesk?.modules.map((m) => [m.id, m.score, m.max, m.rate, m.complete])).toEqual([
      ['front_desk.core_process', 100, 195, 100 / 195, true],
      ['front_desk.5s_safety', 43, 62, 43 / 62, true],
      ['front_desk.staff_training', 9, 28, 9 / 28, true],
      ['front_desk.records', 7, 11, 7 / 11, true],
      ['front_desk.visual_boards', 0, 24, 0, true],
      ['front_desk.dms', 5, 10, 0.5, true],
    ]);
    // Scored as whole modules: no item breakdown.
    expect(frontDesk?.modules.every((m) => m.items === undefined)).toBe(true);
  });

  it('totals 164/330 and fails the 231 pass line', () => {
    expect([frontDesk?.score, frontDesk?.max, frontDesk?.rate, frontDesk?.complete, frontDesk?.passed]).toEqual([164, 330, 164 / 330, true, false]);
    expect(passRateOf(dealerTemplate(), 'front_desk')).toBe(0.7);
  });

  it('fails every module (all below 70%) and lists all six as weakest, lowest rate first', () => {
    expect(frontDesk?.modules.every((m) => !m.passed)).toBe(true);
    expect(card.weakest).toEqual([
      'front_desk.visual_boards', // 0%
      'front_desk.staff_training', // 32%
      'front_desk.dms', // 50%
      'front_desk.core_process', // 51%
      'front_desk.records', // 64%
      'front_desk.5s_safety', // 69%
    ]);
  });

  it('leaves the unscored departments and the whole form incomplete, never passed', () => {
    expect(card.sections.filter((s) => s.id !== 'front_desk').every((s) => !s.complete && !s.passed && s.score === 0)).toBe(true);
    expect([card.total, card.max, card.rate, card.complete, card.passed]).toEqual([164, 1000, 0.164, false, false]);
    expect(card.template).toEqual({ id: 'dealer-aftersales', version: 1, zh: '经销商售后现场辅导评估表', en: 'Dealer after-sales on-site assessment' });
  });
});

describe('pass lines are exact', () => {
  const fd = (core: number, safety: number): ScoreEntry[] => [
    { id: 'front_desk.core_process', score: core },
    { id: 'front_desk.5s_safety', score: safety },
    ...['staff_training', 'records', 'visual_boards', 'dms'].map((m) => ({ id: `front_desk.${m}`, score: 0 })),
  ];

  it('231/330 passes the front desk, 230.99 does not', () => {
    const pass = loaded(scoreAssessment(dealerTemplate(), fd(195, 36)));
    expect(pass.sections[0]?.score).toBe(231);
    expect(pass.sections[0]?.passed).toBe(true);
    const fail = loaded(scoreAssessment(dealerTemplate(), fd(195, 35.99)));
    expect(fail.sections[0]?.score).toBe(230.99);
    expect(fail.sections[0]?.passed).toBe(false);
  });

  it('a module passes at exactly 70% of its max (DMS 7/10)', () => {
    const card = loaded(scoreAssessment(dealerTemplate(), [{ id: 'front_desk.dms', score: 7 }]));
    const dms = card.sections[0]?.modules.find((m) => m.id === 'front_desk.dms');
    expect([dms?.passed, dms?.rate]).toEqual([true, 0.7]);
  });

  it('decimal item scores add up without drift', () => {
    const t = loaded(loadTemplate(miniPoints()));
    const card = loaded(scoreAssessment(t, [{ id: 'alpha.one.x', score: 0.1 }, { id: 'alpha.one.y', score: 0.2 }]));
    expect(card.sections[0]?.modules[0]?.score).toBe(0.3);
  });
});

describe('scoring by items, completeness and inherited pass rates', () => {
  const t = loaded(loadTemplate(miniPoints()));

  it('sums scored items; an unscored item makes its module, section and total incomplete and not passed', () => {
    const card = loaded(scoreAssessment(t, [
      { id: 'alpha.one.x', score: 25, note: 'all good' },
      { id: 'alpha.two', score: 20 },
      { id: 'beta.one.x', score: 40 },
    ]));
    const one = card.sections[0]?.modules[0];
    expect(one).toEqual({
      id: 'alpha.one', zh: '甲一', en: 'A one', score: 25, max: 40, rate: 0.625, passed: false, complete: false,
      progress: { scored: 1, of: 2, max: 25 },
      items: [
        { id: 'alpha.one.x', zh: '甲一x', en: 'A one x', score: 25, max: 25, rate: 1, complete: true, note: 'all good' },
        { id: 'alpha.one.y', zh: '甲一y', en: 'A one y', score: null, max: 15, rate: null, complete: false },
      ],
    });
    // 45/60 is above alpha's 70% line (42) but alpha is incomplete.
    expect([card.sections[0]?.score, card.sections[0]?.complete, card.sections[0]?.passed]).toEqual([45, false, false]);
    expect([card.sections[1]?.complete, card.sections[1]?.passed]).toEqual([true, true]);
    // 85/100 is above the 70 line, but the form is incomplete.
    expect([card.total, card.complete, card.passed]).toEqual([85, false, false]);
    // An incomplete module is not a weakness (it is unfinished); complete ones at or above their line are not either.
    expect(card.weakest).toEqual([]);
  });

  it('a module without items and without a score is incomplete with 0 points', () => {
    const card = loaded(scoreAssessment(t, [{ id: 'alpha.one', score: 40 }]));
    const two = card.sections[0]?.modules[1];
    expect([two?.score, two?.complete, two?.passed, two?.items]).toEqual([0, false, false, undefined]);
  });

  it('uses the module pass rate, else the section one, else the template one', () => {
    expect([passRateOf(t, 'beta.one'), passRateOf(t, 'beta'), passRateOf(t, 'alpha.one'), passRateOf(t, 'mini'), passRateOf(t, 'nope')]).toEqual([0.9, 0.5, 0.7, 0.7, undefined]);
    const fail = loaded(scoreAssessment(t, [{ id: 'beta.one', score: 35.9 }]));
    expect([fail.sections[1]?.modules[0]?.passed, fail.sections[1]?.passed]).toEqual([false, true]);
    expect(fail.weakest).toEqual(['beta.one']);
    const pass = loaded(scoreAssessment(t, [{ id: 'beta.one', score: 36 }]));
    expect(pass.sections[1]?.modules[0]?.passed).toBe(true);
  });

  it('a complete form at its pass line passes', () => {
    const card = loaded(scoreAssessment(t, [
      { id: 'alpha.one', score: 28 },
      { id: 'alpha.two', score: 14 },
      { id: 'beta.one.x', score: 36 },
    ]));
    expect([card.total, card.complete, card.passed, card.weakest]).toEqual([78, true, true, []]);
  });

  it('sorts weakest by rate, ties in template order', () => {
    const card = loaded(scoreAssessment(t, [
      { id: 'alpha.one', score: 10 }, // 25%
      { id: 'alpha.two', score: 5 }, // 25%
      { id: 'beta.one', score: 4 }, // 10%
    ]));
    expect(card.weakest).toEqual(['beta.one', 'alpha.one', 'alpha.two']);
  });
});

describe('scoreAssessment refuses, naming the id', () => {
  const t = loaded(loadTemplate(miniPoints()));

  it('a score above the max', () => {
    const e = expectRefusal(scoreAssessment(t, [{ id: 'alpha.one.x', score: 25.5 }]), 'score_over_max', 'alpha.one.x');
    // Named as the form shows it; the id only as a detail.
    expect(e.message.en).toBe('Item "A one x": score 25.5 is above its max 25 (alpha.one.x)');
    expect(e.message.zh).toBe('项目“甲一x”的得分 25.5 超过满分 25（alpha.one.x）');
    expectRefusal(scoreAssessment(dealerTemplate(), [{ id: 'front_desk.core_process', score: 196 }]), 'score_over_max', 'front_desk.core_process');
  });

  it('a negative score', () => {
    const e = expectRefusal(scoreAssessment(t, [{ id: 'alpha.two', score: -1 }]), 'score_negative', 'alpha.two');
    expect(e.message.en).toBe('Module "A two": score -1 is negative (alpha.two)');
  });

  it('a score that is not a number', () => {
    for (const bad of ['10', null, Number.NaN, Number.POSITIVE_INFINITY, undefined]) {
      const e = expectRefusal(scoreAssessment(t, [{ id: 'alpha.two', score: bad as unknown as number }]), 'score_invalid', 'alpha.two');
      expect(e.message.en).toMatch(/^Module "A two": score must be a number \(got .+; alpha\.two\)$/);
    }
  });

  it('an unknown id, or a section id', () => {
    const e = expectRefusal(scoreAssessment(t, [{ id: 'alpha.three', score: 1 }]), 'score_unknown_id', 'alpha.three');
    expect(e.message.en).toBe('Unknown id alpha.three: template mini has no module or item with it');
    const s = expectRefusal(scoreAssessment(t, [{ id: 'alpha', score: 50 }]), 'score_not_scorable', 'alpha');
    expect(s.message.en).toBe('section alpha cannot be scored directly; score its modules or items');
  });

  it('an item or a module scored twice', () => {
    const e = expectRefusal(scoreAssessment(t, [{ id: 'alpha.one.x', score: 1 }, { id: 'alpha.one.x', score: 2 }]), 'score_duplicate', 'alpha.one.x');
    expect(e.message.en).toBe('Item "A one x" is scored twice (alpha.one.x)');
    expectRefusal(scoreAssessment(t, [{ id: 'alpha.two', score: 1 }, { id: 'alpha.two', score: 1 }]), 'score_duplicate', 'alpha.two');
  });

  it('a module scored both as a whole and through its items', () => {
    const e = expectRefusal(scoreAssessment(t, [{ id: 'alpha.one', score: 30 }, { id: 'alpha.one.y', score: 10 }]), 'score_mixed', 'alpha.one');
    expect(e.message.en).toBe('Module "A one" is scored as a whole and through its item "A one y"; give one or the other (alpha.one, alpha.one.y)');
    expect(e.message.zh).toContain('alpha.one.y');
  });

  it('entries without an id, and a weighted template', () => {
    expect(scoreAssessment(t, [{ score: 1 } as unknown as ScoreEntry]).ok).toBe(false);
    expectRefusal(scoreAssessment(supplierTemplate(), []), 'score_kind', 'supplier-rating');
  });

  it('lists every problem in details', () => {
    const r = scoreAssessment(t, [{ id: 'x', score: 1 }, { id: 'alpha.two', score: 99 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect((r.error.details?.['issues'] as { id: string }[]).map((i) => i.id)).toEqual(['x', 'alpha.two']);
  });
});
