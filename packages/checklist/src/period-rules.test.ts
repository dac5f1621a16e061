import { describe, expect, it } from 'vitest';
import { applyPeriodRules, type PeriodRecord } from './period-rules.js';
import { dealerTemplate, expectRefusal, loaded, supplierTemplate } from './test-helpers/fixtures.js';

const t = supplierTemplate();
const fine = { quality: 80, delivery: 70, service: 60, price: 70 };
const month = (period: string, grade: string, dimensions: Record<string, number> = fine): PeriodRecord => ({ period, grade, dimensions });

describe('supplier period rules', () => {
  it('three consecutive C months disqualify', () => {
    const r = loaded(applyPeriodRules(t, [month('2025-01', 'B'), month('2025-02', 'C'), month('2025-03', 'C'), month('2025-04', 'C')]));
    expect(r.status).toBe('disqualified');
    expect(r.triggers.map((x) => [x.rule, x.outcome, x.periods])).toEqual([[0, 'disqualified', ['2025-02', '2025-03', '2025-04']]]);
    expect(r.reason?.zh).toBe('连续 3 个月被评为 C 级（2025-02…2025-04），取消供应商资格');
    expect(r.reason?.en).toBe('Graded C for 3 consecutive months (2025-02…2025-04): disqualified');
  });

  it('two C months are ok, and so are three C months broken by a B or by a missing month', () => {
    expect(loaded(applyPeriodRules(t, [month('2025-02', 'C'), month('2025-03', 'C')]))).toEqual({ status: 'ok', reason: null, triggers: [] });
    expect(loaded(applyPeriodRules(t, [month('2025-01', 'C'), month('2025-02', 'C'), month('2025-03', 'B'), month('2025-04', 'C')])).status).toBe('ok');
    expect(loaded(applyPeriodRules(t, [month('2025-01', 'C'), month('2025-02', 'C'), month('2025-04', 'C')])).status).toBe('ok');
  });

  it('runs across a year end and in any input order', () => {
    const r = loaded(applyPeriodRules(t, [month('2025-01', 'C'), month('2024-11', 'C'), month('2024-12', 'C')]));
    expect([r.status, r.triggers[0]?.periods]).toEqual(['disqualified', ['2024-11', '2024-12', '2025-01']]);
  });

  it('a dimension at 0 suspends', () => {
    const r = loaded(applyPeriodRules(t, [month('2025-01', 'B'), month('2025-02', 'B', { ...fine, service: 0 })]));
    expect(r.status).toBe('suspended');
    expect(r.reason?.en).toBe('A dimension scored 0 (2025-02 service): suspended');
    expect(r.triggers[0]?.periods).toEqual(['2025-02']);
  });

  it('the most severe outcome wins when both fire', () => {
    const r = loaded(applyPeriodRules(t, [month('2025-01', 'C'), month('2025-02', 'C', { ...fine, price: 0 }), month('2025-03', 'C')]));
    expect(r.status).toBe('disqualified');
    expect(r.triggers.map((x) => x.outcome)).toEqual(['disqualified', 'suspended']);
  });

  it('an empty history is ok', () => {
    expect(loaded(applyPeriodRules(t, [])).status).toBe('ok');
  });
});

describe('applyPeriodRules refuses', () => {
  it('bad or repeated periods, unknown grades and bad dimension scores', () => {
    expectRefusal(applyPeriodRules(t, [month('2025-13', 'C')]), 'history_period', '2025-13');
    expectRefusal(applyPeriodRules(t, [month('2025-01', 'C'), month('2025-01', 'B')]), 'history_duplicate_period', '2025-01');
    expectRefusal(applyPeriodRules(t, [month('2025-01', 'D')]), 'history_unknown_grade', '2025-01');
    const e = expectRefusal(applyPeriodRules(t, [month('2025-01', 'C', { ...fine, price: 120 })]), 'score_over_max', 'price');
    expect(e.message.en).toBe('period 2025-01: dimension price score 120 is above its max 100');
    expectRefusal(applyPeriodRules(dealerTemplate(), []), 'score_kind', 'dealer-aftersales');
  });
});
