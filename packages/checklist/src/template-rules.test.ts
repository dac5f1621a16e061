/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- these tests edit parsed template data
   at any depth on purpose to build invalid files; the code under test takes `unknown`. */
import { describe, expect, it } from 'vitest';
import { pointsTemplateIssues, weightedTemplateIssues } from './template-rules.js';
import { miniPoints, miniWeighted } from './test-helpers/fixtures.js';
import type { PointsTemplate, WeightedTemplate } from './types.js';

describe('template rules', () => {
  it('find nothing wrong with well-formed templates', () => {
    expect(pointsTemplateIssues({ ...miniPoints(), passRate: 0.7 } as unknown as PointsTemplate)).toEqual([]);
    expect(weightedTemplateIssues(miniWeighted() as unknown as WeightedTemplate)).toEqual([]);
  });

  it('report every problem, not just the first', () => {
    const t = miniPoints() as Record<string, any>;
    t['max'] = 99;
    t['sections'][0]['modules'][0]['items'][0]['max'] = 26;
    t['sections'][1]['modules'][0]['id'] = 'alpha.one';
    const issues = pointsTemplateIssues(t as PointsTemplate);
    expect(issues.map((i) => [i.code, i.id])).toEqual([
      ['template_sum', 'alpha.one'],
      ['template_duplicate_id', 'alpha.one'],
      ['template_id_nesting', 'alpha.one'],
      ['template_id_nesting', 'beta.one.x'],
      ['template_sum', 'mini'],
    ]);
  });

  it('compare sums exactly (float 0.1 + 0.2 would miss 0.3)', () => {
    const w = miniWeighted() as Record<string, any>;
    w['weights'] = { sumTo: 0.3, classes: [{ id: 'c', zh: 'c', en: 'c', weights: { p: 0.1, q: 0.2 } }] };
    expect(weightedTemplateIssues(w as WeightedTemplate)).toEqual([]);
  });
});
