import { describe, expect, it } from 'vitest';
import { coachingFor, expectedEffects, loadCoachingRules, matchesModule, unknownModuleRefs, type CoachingRules } from './coaching.js';
import { dealerTemplate, expectRefusal, loaded, shipped } from './test-helpers/fixtures.js';

const KPIS = [
  'booking_rate', 'booking_show_rate', 'on_time_rate', 'promise_coverage', 'time_estimate_accuracy', 'cost_estimate_accuracy',
  'care_product_penetration', 'warranty_share', 'rework_rate', 'unclassified_rate', 'churn_rate', 'data_completeness',
  'accident_share', 'revenue_per_ro',
];

const rules = loaded(loadCoachingRules(shipped('coaching-rules.yaml'), { kpis: KPIS }));

function table(r: unknown[]): Record<string, unknown> {
  return { id: 't', version: 1, zh: '表', en: 'Table', rules: r };
}
const msg = (s: string) => ({ zh: `${s}（中）`, en: s });

describe('the default coaching rules', () => {
  const template = dealerTemplate();

  it('name every front desk module and every department, and refer only to modules of the dealer template', () => {
    const patterns = rules.rules.flatMap((r) => r.modules ?? []);
    for (const m of template.sections.find((s) => s.id === 'front_desk')?.modules ?? []) expect(patterns).toContain(m.id);
    for (const s of template.sections) expect(patterns).toContain(s.id);
    expect(unknownModuleRefs(rules, template)).toEqual([]);
  });

  it('cover every KPI of the brief', () => {
    const kpis = new Set(rules.rules.flatMap((r) => (r.kpis ?? []).map((k) => k.kpi)));
    for (const k of KPIS) expect([k, kpis.has(k)]).toEqual([k, true]);
  });

  it('give the seed its six directions, in its order, for its six weak modules and its weaknesses', () => {
    const weak = ['front_desk.visual_boards', 'front_desk.staff_training', 'front_desk.dms', 'front_desk.core_process', 'front_desk.records', 'front_desk.5s_safety'];
    const flags = [
      { kpi: 'booking_rate', kind: 'target' },
      { kpi: 'on_time_rate', kind: 'not_tracked' },
      { kpi: 'churn_rate', kind: 'not_tracked' },
      { kpi: 'cost_estimate_accuracy', kind: 'not_tracked' },
      { kpi: 'care_product_penetration', kind: 'peer' },
      { kpi: 'accident_share', kind: 'target' },
      { kpi: 'warranty_share', kind: 'peer' },
      { kpi: 'unclassified_rate', kind: 'target' },
    ];
    const out = coachingFor(weak, flags, rules);
    expect(out.map((d) => d.direction.zh)).toEqual([
      '加强流程辅导，提升流程执行的意愿与执行力',
      '建立前台服务顾问培训体系，使服务顾问培训工作长久化、制度化',
      '加强数据准确率的辅导，提升数据客户档案的管理意识',
      '加强预约率提升的辅导工作，建立客户预约维修的管理体系',
      '加强估时、估价准确率的辅导，建立估时、估价的管理体系，提升服务顾问估时、估价的准确率',
      '加强服务顾问业务能力培训，提升服务顾问的单兵战斗力',
      '加强前台 5S 及安全辅导，建立 5S 日常点检制度',
      '建立看板管理体系，维修进度、预约与 KPI 看板每日更新',
      '加强基盘客户管理辅导，建立客户分类管理与流失客户招揽机制',
      '加强事故车业务拓展辅导：与保险公司合作，设立事故车专员，跟踪大事故线索',
    ]);
    const data = out[2];
    expect(data?.rules).toEqual(['customer_files', 'data_accuracy']);
    expect(data?.modules).toEqual(['front_desk.records', 'front_desk.dms']);
    expect(data?.flags).toEqual([{ kpi: 'churn_rate', kind: 'not_tracked' }, { kpi: 'unclassified_rate', kind: 'target' }]);
    const effects = expectedEffects(out).map((e) => e.zh);
    // The seed's four expected effects are among them, each once.
    for (const e of ['建立培训体系，提高经销商的整体实力', '建立客户分类管理体系，提升客户满意度，减少客户流失', '建立预约管理体系，提升预约率与进厂台次，增加产值', '建立服务培训体系，提升服务顾问的报价准确率']) {
      expect(effects.filter((x) => x === e)).toEqual([e]);
    }
  });

  it('give nothing when nothing is weak or flagged', () => {
    expect(coachingFor([], [], rules)).toEqual([]);
  });
});

describe('coachingFor', () => {
  const t = loaded<CoachingRules>(loadCoachingRules(table([
    { id: 'one', modules: ['front_desk.dms'], direction: msg('D1'), effect: msg('E1') },
    { id: 'dept', modules: ['front_desk'], direction: msg('D2'), effect: msg('E2') },
    { id: 'kpi', kpis: [{ kpi: 'booking_rate', kinds: ['target', 'trend'] }], direction: msg('D1'), effect: msg('E3') },
    { id: 'again', kpis: [{ kpi: 'booking_rate', kinds: ['target'] }], direction: msg('D1'), effect: msg('E1') },
  ])));

  it('matches ids and dotted prefixes, by segment', () => {
    expect(matchesModule('front_desk', 'front_desk.dms')).toBe(true);
    expect(matchesModule('front_desk.dms', 'front_desk.dms')).toBe(true);
    expect(matchesModule('front', 'front_desk.dms')).toBe(false);
    expect(matchesModule('front_desk.dm', 'front_desk.dms')).toBe(false);
  });

  it('matches KPI flags by kpi and kind', () => {
    expect(coachingFor([], [{ kpi: 'booking_rate', kind: 'peer' }], t)).toEqual([]);
    expect(coachingFor([], [{ kpi: 'booking_rate', kind: 'trend' }], t).map((d) => d.rules)).toEqual([['kpi']]);
  });

  it('merges rules giving the same direction, keeping rule order and each effect, module and flag once', () => {
    const out = coachingFor(['front_desk.dms', 'workshop.dispatch'], [{ kpi: 'booking_rate', kind: 'target' }, { kpi: 'booking_rate', kind: 'target' }], t);
    expect(out).toEqual([
      { direction: msg('D1'), effects: [msg('E1'), msg('E3')], rules: ['one', 'kpi', 'again'], modules: ['front_desk.dms'], flags: [{ kpi: 'booking_rate', kind: 'target' }] },
      { direction: msg('D2'), effects: [msg('E2')], rules: ['dept'], modules: ['front_desk.dms'], flags: [] },
    ]);
    expect(expectedEffects(out)).toEqual([msg('E1'), msg('E3'), msg('E2')]);
  });
});

describe('loadCoachingRules refuses', () => {
  const ok = { id: 'r', modules: ['front_desk'], direction: msg('D'), effect: msg('E') };

  it('unknown fields, naming the rule', () => {
    const e = expectRefusal(loadCoachingRules(table([{ ...ok, priority: 1 }])), 'coaching_schema', 'r');
    expect(e.message.en).toBe('rule r: unknown field "priority"');
    expect(e.message.zh).toBe('规则 r：未知字段 "priority"');
  });

  it('duplicate rule ids and rules that can never match', () => {
    expectRefusal(loadCoachingRules(table([ok, ok])), 'coaching_duplicate_id', 'r');
    const e = expectRefusal(loadCoachingRules(table([{ id: 'r', direction: msg('D'), effect: msg('E') }])), 'coaching_no_trigger', 'r');
    expect(e.message.en).toBe('rule r has neither modules nor kpis and can never match');
  });

  it('unknown KPIs (when told the known ones) and unknown flag kinds', () => {
    const kpiRule = { id: 'k', kpis: [{ kpi: 'bookings', kinds: ['target'] }], direction: msg('D'), effect: msg('E') };
    expect(loadCoachingRules(table([kpiRule])).ok).toBe(true);
    expectRefusal(loadCoachingRules(table([kpiRule]), { kpis: KPIS }), 'coaching_unknown_kpi', 'bookings');
    const kind = expectRefusal(loadCoachingRules(table([{ ...kpiRule, kpis: [{ kpi: 'booking_rate', kinds: ['worse'] }] }])), 'coaching_schema', 'booking_rate');
    expect(kind.message.en).toContain('must be one of "not_tracked", "target", "trend", "peer"');
  });

  it('malformed module patterns, missing texts and bad YAML', () => {
    const p = expectRefusal(loadCoachingRules(table([{ ...ok, modules: ['Front Desk'] }])), 'coaching_schema', 'r');
    expect(p.message.en).toMatch(/^rule r: modules\.0: "Front Desk" does not match/);
    expectRefusal(loadCoachingRules(table([{ ...ok, effect: { zh: '效果' } }])), 'coaching_schema', 'r');
    expect(refusedCode(loadCoachingRules('rules: [\n'))).toBe('coaching_yaml');
  });
});

function refusedCode(r: { ok: boolean; error?: { code: string } }): string | undefined {
  return r.ok ? undefined : r.error?.code;
}
