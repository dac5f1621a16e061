import { describe, expect, it } from 'vitest';
import { locate, pathText, ROOTS, subject } from './describe.js';

const doc = {
  id: 't',
  sections: [{ id: 'front_desk', modules: [{ id: 'front_desk.dms', max: -1 }, { zh: 'no id' }] }],
  weights: { classes: [{ id: 'pcb', weights: { price: 'x' } }] },
  periodRules: [{ rule: 'consecutive', grade: 'C' }],
};

describe('locate', () => {
  it('names the nearest list entry by its id, and the field inside it', () => {
    const p = locate(doc, ['sections', '0', 'modules', '0', 'max'], ROOTS.template);
    expect(p).toEqual({ owner: { zh: '模块 front_desk.dms', en: 'module front_desk.dms' }, ownerId: 'front_desk.dms', field: 'max', path: 'sections[0].modules[0].max' });
    expect(subject(p)).toEqual({ zh: '模块 front_desk.dms 的 max', en: 'module front_desk.dms: max' });
  });

  it('falls back to the path for entries without an id, and to the root', () => {
    expect(locate(doc, ['sections', '0', 'modules', '1'], ROOTS.template).owner.en).toBe('module sections[0].modules[1]');
    expect(locate(doc, ['periodRules', '0', 'grade'], ROOTS.template).owner.en).toBe('period rule periodRules[0]');
    const w = locate(doc, ['weights', 'classes', '0', 'weights', 'price'], ROOTS.template);
    expect([w.owner.en, w.field]).toEqual(['class pcb', 'weights.price']);
    const root = locate(doc, ['weights', 'sumTo'], ROOTS.template);
    expect([root.owner.zh, root.owner.en, root.field]).toEqual(['模板 t', 'template t', 'weights.sumTo']);
    expect(subject(locate({}, [], ROOTS.coaching))).toEqual(ROOTS.coaching);
  });

  it('writes paths with indices', () => {
    expect(pathText(['a', '0', 'b', '12', 'c'])).toBe('a[0].b[12].c');
    expect(pathText([])).toBe('');
  });
});
