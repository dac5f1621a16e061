import { describe, expect, it } from 'vitest';
import { loadTemplate } from './load-template.js';
import { lineCount, partialRate, scoreAssessment } from './score.js';
import { dealerTemplate, loaded, miniPoints } from './test-helpers/fixtures.js';
import type { PointsTemplate } from './types.js';

// The mini form has 4 lines: alpha.one's items x (25) and y (15), alpha.two (20, no items), beta.one's item x (40).
const mini = () => loaded(loadTemplate(miniPoints())) as PointsTemplate;

describe('progress: lines scored of lines to score', () => {
  it('counts items, a module without items as one line, and a module scored whole as all its items', () => {
    expect(lineCount(mini())).toBe(4);
    const one = loaded(scoreAssessment(mini(), [{ id: 'alpha.one.x', score: 20 }]));
    expect(one.progress).toEqual({ scored: 1, of: 4, max: 25 });
    expect(one.sections[0]?.progress).toEqual({ scored: 1, of: 3, max: 25 });
    expect(one.sections[1]?.progress).toEqual({ scored: 0, of: 1, max: 0 });
    const whole = loaded(scoreAssessment(mini(), [{ id: 'alpha.one', score: 30 }, { id: 'alpha.two', score: 10 }]));
    expect(whole.progress).toEqual({ scored: 3, of: 4, max: 60 });
  });

  it('a partial rate is the score over the max of what is scored, never over the whole max', () => {
    const card = loaded(scoreAssessment(mini(), [{ id: 'alpha.one.x', score: 20 }]));
    const mod = card.sections[0]!.modules[0]!;
    expect([mod.score, mod.max, mod.rate, partialRate(mod), mod.complete, mod.passed]).toEqual([20, 40, 0.5, 0.8, false, false]);
    expect(partialRate(card.sections[0]!.modules[1]!)).toBeNull();
    expect([card.complete, card.passed, card.finished]).toEqual([false, false, undefined]);
  });

  it('the shipped dealer checklist has 100 lines to score', () => {
    expect(lineCount(dealerTemplate())).toBe(100);
  });
});

describe('finishing a form with lines left counts them 0 and judges every level', () => {
  it('4 lines, 1 scored (20/25): finished, 20/100 fails; every module is judged, weakest lowest first', () => {
    const card = loaded(scoreAssessment(mini(), [{ id: 'alpha.one.x', score: 20 }], { finished: true }));
    expect([card.total, card.max, card.complete, card.passed, card.finished]).toEqual([20, 100, true, false, true]);
    expect(card.progress).toEqual({ scored: 1, of: 4, max: 25 });
    expect(card.sections.map((s) => [s.id, s.score, s.complete, s.passed])).toEqual([['alpha', 20, true, false], ['beta', 0, true, false]]);
    // alpha.two 0 % and beta.one 0 % (form order), then alpha.one 20/40 = 50 %.
    expect(card.weakest).toEqual(['alpha.two', 'beta.one', 'alpha.one']);
    // The unscored item stays unscored: nothing is made up.
    expect(card.sections[0]?.modules[0]?.items?.[1]).toEqual({ id: 'alpha.one.y', zh: '甲一y', en: 'A one y', score: null, max: 15, rate: null, complete: false });
  });

  it('25 + 20 + 36 = 81 of 100 with alpha.one.y left passes the 70 line once finished', () => {
    const scores = [{ id: 'alpha.one.x', score: 25 }, { id: 'alpha.two', score: 20 }, { id: 'beta.one.x', score: 36 }];
    const draft = loaded(scoreAssessment(mini(), scores));
    expect([draft.total, draft.complete, draft.passed]).toEqual([81, false, false]);
    const done = loaded(scoreAssessment(mini(), scores, { finished: true }));
    expect([done.total, done.complete, done.passed, done.finished]).toEqual([81, true, true, true]);
    // alpha.one: 25/40 = 62.5 % < 70 %.
    expect(done.weakest).toEqual(['alpha.one']);
  });

  it('a form with every line scored is complete with or without finishing, and not marked finished early', () => {
    const scores = [{ id: 'alpha.one.x', score: 25 }, { id: 'alpha.one.y', score: 15 }, { id: 'alpha.two', score: 20 }, { id: 'beta.one.x', score: 36 }];
    for (const finished of [false, true]) {
      const card = loaded(scoreAssessment(mini(), scores, { finished }));
      expect([card.total, card.complete, card.passed, card.finished, card.progress]).toEqual([96, true, true, undefined, { scored: 4, of: 4, max: 100 }]);
    }
  });
});
