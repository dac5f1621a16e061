import { describe, expect, it } from 'vitest';
import { gradeFor, scoreWeighted } from './weighted.js';
import { dealerTemplate, expectRefusal, loaded, supplierTemplate } from './test-helpers/fixtures.js';

const t = supplierTemplate();
const scores = { quality: 90, delivery: 80, service: 70, price: 100 };

describe('supplier composite by class (delivery:service:quality:price)', () => {
  it('IC and loose parts 2:1:2:5 → (2·80 + 1·70 + 2·90 + 5·100) / 10 = 91, A', () => {
    const r = loaded(scoreWeighted(t, { class: 'ic_loose', scores }));
    expect([r.composite, r.grade, r.max]).toEqual([91, 'A', 100]);
    expect(r.dimensions.map((d) => [d.id, d.score, d.weight])).toEqual([
      ['quality', 90, 2],
      ['delivery', 80, 2],
      ['service', 70, 1],
      ['price', 100, 5],
    ]);
    expect(r.band.zh).toContain('请保持');
  });

  it('PCB 4:1:4:1 → (4·80 + 70 + 4·90 + 100) / 10 = 85, B', () => {
    const r = loaded(scoreWeighted(t, { class: 'pcb', scores }));
    expect([r.composite, r.grade]).toEqual([85, 'B']);
  });

  it('consumables and office supplies 1:2:2:5 → (80 + 2·70 + 2·90 + 5·100) / 10 = 90, A at the edge', () => {
    const r = loaded(scoreWeighted(t, { class: 'consumables', scores }));
    expect([r.composite, r.grade, r.class.zh]).toEqual([90, 'A', '辅料、机物料、办公用品']);
  });

  it('grades at the band edges: 90 → A, 89.99 → B, 75 → B, 74.99 → C', () => {
    const all = (x: number) => ({ quality: x, delivery: x, service: x, price: x });
    const grade = (x: number) => {
      const r = loaded(scoreWeighted(t, { class: 'pcb', scores: all(x) }));
      return [r.composite, r.grade];
    };
    expect(grade(90)).toEqual([90, 'A']);
    expect(grade(89.99)).toEqual([89.99, 'B']);
    expect(grade(75)).toEqual([75, 'B']);
    expect(grade(74.99)).toEqual([74.99, 'C']);
    expect(grade(0)).toEqual([0, 'C']);
    expect(gradeFor(t, 75).grade).toBe('B');
    expect(gradeFor(t, 74.99).grade).toBe('C');
  });

  it('computes exactly where floats drift: IC with every dimension at 74.99 is 74.99, not 74.98999999999998', () => {
    expect((2 * 74.99 + 74.99 + 2 * 74.99 + 5 * 74.99) / 10).not.toBe(74.99);
    const r = loaded(scoreWeighted(t, { class: 'ic_loose', scores: { quality: 74.99, delivery: 74.99, service: 74.99, price: 74.99 } }));
    expect([r.composite, r.grade]).toEqual([74.99, 'C']);
    // (2·70.3 + 1·80.1 + 2·80.2 + 5·76.4) / 10 = 763.1 / 10
    const mixed = loaded(scoreWeighted(t, { class: 'ic_loose', scores: { quality: 80.2, delivery: 70.3, service: 80.1, price: 76.4 } }));
    expect([mixed.composite, mixed.grade]).toEqual([76.31, 'B']);
    // And exactly on an edge: (2·70 + 1·75 + 2·80 + 5·75) / 10 = 75.
    const edge = loaded(scoreWeighted(t, { class: 'ic_loose', scores: { quality: 80, delivery: 70, service: 75, price: 75 } }));
    expect([edge.composite, edge.grade]).toEqual([75, 'B']);
  });

  it('lists dimensions scored 0', () => {
    const r = loaded(scoreWeighted(t, { class: 'pcb', scores: { ...scores, service: 0 } }));
    expect(r.zeroDimensions).toEqual(['service']);
  });
});

describe('scoreWeighted refuses', () => {
  it('an unknown class, naming it and the known ones', () => {
    const e = expectRefusal(scoreWeighted(t, { class: 'cables', scores }), 'score_unknown_class', 'cables');
    expect(e.message.en).toBe('Unknown class "cables" (template supplier-rating has: ic_loose, pcb, consumables)');
  });

  it('unknown, missing, non-number, negative and over-max dimension scores, naming the dimension', () => {
    expectRefusal(scoreWeighted(t, { class: 'pcb', scores: { ...scores, cost: 1 } }), 'score_unknown_id', 'cost');
    const { price: _price, ...noPrice } = scores;
    const m = expectRefusal(scoreWeighted(t, { class: 'pcb', scores: noPrice }), 'score_missing', 'price');
    expect(m.message.en).toBe('class pcb: dimension price has no score');
    expectRefusal(scoreWeighted(t, { class: 'pcb', scores: { ...scores, price: 'high' as unknown as number } }), 'score_invalid', 'price');
    expectRefusal(scoreWeighted(t, { class: 'pcb', scores: { ...scores, price: -5 } }), 'score_negative', 'price');
    const o = expectRefusal(scoreWeighted(t, { class: 'pcb', scores: { ...scores, price: 100.5 } }), 'score_over_max', 'price');
    expect(o.message.zh).toBe('类别 pcb：维度 price 的得分 100.5 超过满分 100');
    expect(scoreWeighted(t, { class: 'pcb', scores: null as unknown as Record<string, number> }).ok).toBe(false);
  });

  it('a points template', () => {
    expectRefusal(scoreWeighted(dealerTemplate(), { class: 'pcb', scores }), 'score_kind', 'dealer-aftersales');
  });
});
