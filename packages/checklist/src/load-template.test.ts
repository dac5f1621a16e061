/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- these tests edit parsed template data
   at any depth on purpose to build invalid files; the code under test takes `unknown`. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadTemplate } from './load-template.js';
import { expectRefusal, loaded, miniPoints, miniWeighted } from './test-helpers/fixtures.js';

type Obj = Record<string, any>;

function points(edit: (t: Obj) => void): Obj {
  const t = miniPoints() as Obj;
  edit(t);
  return t;
}

function weighted(edit: (t: Obj) => void): Obj {
  const t = miniWeighted() as Obj;
  edit(t);
  return t;
}

describe('loadTemplate accepts', () => {
  it('a points template as an object or as YAML text, filling passRate 0.7', () => {
    const fromObject = loaded(loadTemplate(miniPoints()));
    const fromText = loaded(loadTemplate(stringify(miniPoints())));
    expect(fromText).toEqual(fromObject);
    expect(fromObject.kind).toBe('points');
    if (fromObject.kind === 'points') {
      expect(fromObject.passRate).toBe(0.7);
      expect(fromObject.sections[1]?.passRate).toBe(0.5);
    }
  });

  it('a weighted template, filling periodRules [] when absent', () => {
    const t = loaded(loadTemplate(weighted((w) => delete w['periodRules'])));
    expect(t.kind === 'weighted' && t.periodRules).toEqual([]);
  });

  it('decimal maxima that add up exactly (0.1 + 0.2 = 0.3), and passRate 1', () => {
    const t = points((p) => {
      p['passRate'] = 1;
      p['max'] = 40.3;
      p['sections'][1]['max'] = 0.3;
      p['sections'][1]['modules'][0]['max'] = 0.3;
      p['sections'][1]['modules'][0]['items'] = [
        { id: 'beta.one.x', zh: 'x', en: 'x', max: 0.1 },
        { id: 'beta.one.y', zh: 'y', en: 'y', max: 0.2 },
      ];
      p['sections'][0]['max'] = 40;
      (p['sections'][0]['modules'] as unknown[]).pop();
    });
    expect(loadTemplate(t).ok).toBe(true);
  });

  it('does not keep or change the object given', () => {
    const input = miniPoints();
    const t = loaded(loadTemplate(input));
    expect(input['passRate']).toBeUndefined();
    expect(t).not.toBe(input);
  });
});

describe('loadTemplate refuses, naming the entry in zh and en', () => {
  it('items that do not add up to their module max', () => {
    const e = expectRefusal(loadTemplate(points((p) => (p['sections'][0]['modules'][0]['items'][1]['max'] = 14))), 'template_sum', 'alpha.one');
    expect(e.message.en).toBe('module alpha.one: its items add up to 39, not its max 40');
    expect(e.message.zh).toBe('模块 alpha.one 的各项目满分合计为 39，与其满分 40 不符');
  });

  it('modules that do not add up to their section max', () => {
    const e = expectRefusal(loadTemplate(points((p) => (p['sections'][0]['max'] = 70))), 'template_sum', 'alpha');
    expect(e.message.en).toBe('section alpha: its modules add up to 60, not its max 70');
  });

  it('sections that do not add up to the template total', () => {
    const e = expectRefusal(loadTemplate(points((p) => (p['max'] = 1000))), 'template_sum', 'mini');
    expect(e.message.en).toBe('template mini: its sections add up to 100, not its max 1000');
    expect(e.message.zh).toContain('模板 mini');
  });

  it('duplicate ids', () => {
    const e = expectRefusal(
      loadTemplate(points((p) => (p['sections'][0]['modules'][0]['items'][1]['id'] = 'alpha.one.x'))),
      'template_duplicate_id',
      'alpha.one.x',
    );
    expect(e.message.en).toBe('Duplicate id: item alpha.one.x (same id as item alpha.one.x)');
    expectRefusal(loadTemplate(points((p) => (p['sections'][1]['id'] = 'alpha'))), 'template_duplicate_id', 'alpha');
  });

  it('ids not nested under their parent', () => {
    const e = expectRefusal(loadTemplate(points((p) => (p['sections'][0]['modules'][1]['id'] = 'beta.two'))), 'template_id_nesting', 'beta.two');
    expect(e.message.en).toBe('module beta.two is listed under section alpha: its id must be "alpha.<name>"');
    expectRefusal(loadTemplate(points((p) => (p['sections'][1]['modules'][0]['items'][0]['id'] = 'beta.other.x'))), 'template_id_nesting', 'beta.other.x');
  });

  it('malformed ids', () => {
    const e = expectRefusal(loadTemplate(points((p) => (p['sections'][0]['modules'][1]['id'] = 'two'))), 'template_schema', 'two');
    expect(e.details?.['path']).toBe('sections[0].modules[1].id');
  });

  it('unknown fields at every level', () => {
    const cases: [string, (p: Obj) => void][] = [
      ['alpha.one.x', (p) => (p['sections'][0]['modules'][0]['items'][0]['weight'] = 1)],
      ['alpha.two', (p) => (p['sections'][0]['modules'][1]['Max'] = 20)],
      ['alpha', (p) => (p['sections'][0]['pass'] = 0.7)],
      ['mini', (p) => (p['total'] = 100)],
    ];
    for (const [id, edit] of cases) {
      const e = expectRefusal(loadTemplate(points(edit)), 'template_schema', id);
      expect(e.message.en).toMatch(/unknown field "(weight|Max|pass|total)"/);
      expect(e.message.zh).toMatch(/未知字段 "(weight|Max|pass|total)"/);
    }
    expectRefusal(loadTemplate(weighted((w) => (w['weights']['classes'][0]['note'] = 'x'))), 'template_schema', 'even');
  });

  it('zero or negative maxima', () => {
    const e = expectRefusal(loadTemplate(points((p) => (p['sections'][0]['modules'][0]['items'][0]['max'] = -25))), 'template_schema', 'alpha.one.x');
    expect(e.message.en).toBe('item alpha.one.x: max must be > 0 (got -25)');
    expect(e.message.zh).toBe('项目 alpha.one.x 的 max 必须大于 0（实际为 -25）');
    expectRefusal(loadTemplate(points((p) => (p['sections'][0]['modules'][1]['max'] = 0))), 'template_schema', 'alpha.two');
    expectRefusal(loadTemplate(weighted((w) => (w['dimensions'][1]['max'] = 0))), 'template_schema', 'q');
  });

  it('pass rates outside (0, 1]', () => {
    const e = expectRefusal(loadTemplate(points((p) => (p['sections'][1]['modules'][0]['passRate'] = 1.2))), 'template_schema', 'beta.one');
    expect(e.message.en).toBe('module beta.one: passRate must be <= 1 (got 1.2)');
    const z = expectRefusal(loadTemplate(points((p) => (p['sections'][1]['passRate'] = 0))), 'template_schema', 'beta');
    expect(z.message.en).toBe('section beta: passRate must be > 0 (got 0)');
    expectRefusal(loadTemplate(points((p) => (p['passRate'] = -0.7))), 'template_schema', 'mini');
  });

  it('wrong types, missing fields and unknown kinds', () => {
    const t = expectRefusal(loadTemplate(points((p) => (p['sections'][0]['modules'][1]['max'] = '20'))), 'template_schema', 'alpha.two');
    expect(t.message.en).toBe('module alpha.two: max must be a number (got "20")');
    const m = expectRefusal(loadTemplate(points((p) => delete p['sections'][1]['modules'][0]['en'])), 'template_schema', 'beta.one');
    expect(m.message.en).toBe('module beta.one: missing field "en"');
    const k = expectRefusal(loadTemplate(points((p) => (p['kind'] = 'checklist'))), 'template_schema', 'mini');
    expect(k.message.en).toContain('kind must be one of "points", "weighted"');
    expectRefusal(loadTemplate(points((p) => (p['version'] = 1.5))), 'template_schema', 'mini');
    expectRefusal(loadTemplate(points((p) => (p['sections'][0]['modules'][1]['max'] = Number.POSITIVE_INFINITY))), 'template_schema', 'alpha.two');
    expect(loadTemplate('just text').ok).toBe(false);
    expect(loadTemplate(null).ok).toBe(false);
  });

  it('lists every schema problem in details', () => {
    const e = expectRefusal(
      loadTemplate(points((p) => {
        p['sections'][0]['modules'][0]['items'][0]['max'] = -1;
        p['sections'][1]['oops'] = true;
      })),
      'template_schema',
      'alpha.one.x',
    );
    expect((e.details?.['issues'] as unknown[]).length).toBe(2);
  });

  it('weights that do not sum as declared, or miss or invent a dimension', () => {
    const e = expectRefusal(loadTemplate(weighted((w) => (w['weights']['classes'][1]['weights']['q'] = 0.6))), 'template_weights', 'skewed');
    expect(e.message.en).toBe('class skewed: weights add up to 2.1, not the declared sumTo 2');
    expect(e.message.zh).toBe('类别 skewed 的权重合计为 2.1，与声明的 sumTo 2 不符');
    const missing = expectRefusal(loadTemplate(weighted((w) => (w['weights']['classes'][0]['weights'] = { p: 2 }))), 'template_weights', 'even');
    expect(missing.message.en).toBe('class even: no weight for dimension q');
    const unknown = expectRefusal(loadTemplate(weighted((w) => (w['weights']['classes'][0]['weights'] = { p: 1, q: 0.5, r: 0.5 }))), 'template_weights', 'even');
    expect(unknown.message.en).toBe('class even: weight for unknown dimension r');
    expectRefusal(loadTemplate(weighted((w) => (w['weights']['classes'][0]['weights']['q'] = -1))), 'template_schema', 'even');
  });

  it('dimensions on different scales, and duplicate dimension or class ids', () => {
    expectRefusal(loadTemplate(weighted((w) => (w['dimensions'][1]['max'] = 50))), 'template_scale', 'q');
    expectRefusal(loadTemplate(weighted((w) => (w['weights']['classes'][1]['id'] = 'even'))), 'template_duplicate_id', 'even');
  });

  it('grade bands out of order, not reaching 0, or unreachable; period rules on unknown grades', () => {
    const order = expectRefusal(loadTemplate(weighted((w) => { w['grades'] = [w['grades'][1], w['grades'][0]]; })), 'template_grades', 'A');
    expect(order.message.en).toContain('list bands highest first');
    const floor = expectRefusal(loadTemplate(weighted((w) => (w['grades'][1]['min'] = 10))), 'template_grades', 'B');
    expect(floor.message.en).toBe('The lowest band, grade B, must start at 0 (got 10) so every composite gets a grade');
    expectRefusal(loadTemplate(weighted((w) => (w['grades'][0]['min'] = 120))), 'template_grades', 'A');
    const rule = expectRefusal(loadTemplate(weighted((w) => (w['periodRules'][0]['grade'] = 'D'))), 'template_period_rule', 'D');
    expect(rule.message.en).toBe('period rule periodRules[0]: grade D is not one of the grades');
    const kind = expectRefusal(loadTemplate(weighted((w) => (w['periodRules'][0]['rule'] = 'rolling'))), 'template_schema', 'periodRules[0]');
    expect(kind.message.en).toContain('"consecutive", "any_dimension_zero"');
    expectRefusal(loadTemplate(weighted((w) => (w['periodRules'][0]['outcome'] = 'banned'))), 'template_schema', 'periodRules[0]');
  });

  it('a pass rate on a weighted template (grades decide there)', () => {
    expectRefusal(loadTemplate(weighted((w) => (w['passRate'] = 0.7))), 'template_schema', 'mini-weighted');
  });
});
