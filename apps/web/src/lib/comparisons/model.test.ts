// The comparison pages' rules: values, changes and band colours as they read, the chart's bars
// (peers anonymous, the dealer user's own bar selected), the form turned into the comparison
// file's data, and the API's refusals placed on the form's fields in the page's language.

import { describe, expect, it } from 'vitest';
import { comparisonOf, downloadHref, fieldErrors, fieldOf, inkOn, medianScore, passLine, readForm, scoreBars, signed, trend, componentValue } from './model.js';

const row = (dealer: string, score: number, peer = false, name: string | null = null) => ({ dealer, name, score, rank: 1, peer });

describe('comparison display rules', () => {
  it('reads changes with a sign, and zero without one', () => {
    expect([signed(12.345, 1), signed(-3, 1), signed(-0.01, 1), signed(2, 0), signed(null, 1)]).toEqual(['+12.3', '−3.0', '0.0', '+2', null]);
    expect([trend(5), trend(-1), trend(0), trend(undefined)]).toEqual(['up', 'down', 'flat', null]);
  });

  it('shows checklist rates as percentages and KPI values in their unit', () => {
    expect(componentValue(0.875, { kind: 'checklist', unit: 'rate' }, 'zh')).toBe('87.5%');
    expect(componentValue(null, { kind: 'kpi', unit: 'rate' }, 'en')).toBe('—');
    expect(componentValue(0.5, { kind: 'kpi', unit: 'rate' }, 'en')).toContain('50');
  });

  it('picks black text on light band colours and white on dark ones', () => {
    expect(inkOn('#e0a100')).toBe('#000000');
    expect(inkOn('#2e7d32')).toBe('#ffffff');
    expect(inkOn('#c9302c')).toBe('#ffffff');
    expect(inkOn('#ffffff')).toBe('#000000');
  });

  it('charts every row, peers anonymous, the dealer user\'s own bar selected', () => {
    const bars = scoreBars({ anonymous: true, rows: [row('Peer A', 900, true), row('SH001', 800, false, '上海店')] as never });
    expect(bars.map((b) => [b.label, b.dealer, b.selected, b.anonymous])).toEqual([['Peer A', null, false, true], ['SH001 上海店', 'SH001', true, false]]);
    const staff = scoreBars({ anonymous: false, rows: [row('SH001', 800)] as never });
    expect(staff[0]!.selected).toBe(false);
    expect(medianScore([{ score: 1 }, { score: 9 }, { score: 5 }])).toBe(5);
    expect(medianScore([{ score: 1 }, { score: 4 }])).toBe(2.5);
    expect(medianScore([])).toBeNull();
    expect(passLine([{ min: 900, zh: '优秀', en: 'Excellent', color: '#000000' }, { min: 650, zh: '合格', en: 'Pass', color: '#000000' }, { min: 0, zh: '差', en: 'Poor', color: '#000000' }])?.min).toBe(650);
    expect(passLine([{ min: 0, zh: '全部', en: 'All', color: '#000000' }])).toBeNull();
  });

  it('links the downloads to the API with the month, format and language', () => {
    expect(downloadHref('east', '2025-12', 'csv', 'en')).toBe('/api/comparisons/east?month=2025-12&format=csv&lang=en');
  });
});

describe('the new-comparison form', () => {
  const form = () => {
    const f = new FormData();
    f.set('id', ' east-web ');
    f.set('title_zh', '华东');
    f.set('title_en', 'East');
    f.append('dealer', 'SH001');
    f.append('dealer', 'HZ004');
    f.append('kpi', 'on_time_rate');
    f.set('weight.on_time_rate', '600');
    f.set('floor.on_time_rate', '0.5');
    f.append('kpi', 'booking_rate');
    f.set('weight.booking_rate', 'abc');
    f.set('target.booking_rate', '');
    f.set('weight.rework_rate', '400'); // not ticked: left out
    f.set('month', '');
    f.set('compareWith', 'previous_year');
    return f;
  };

  it('turns the ticked KPIs and dealers into the comparison file\'s data, leaving checks to the API', () => {
    const v = readForm(form());
    expect(v.id).toBe('east-web');
    expect(v.overwrite).toBe(false);
    expect(comparisonOf(v)).toEqual({
      id: 'east-web', title: { zh: '华东', en: 'East' }, dealers: { codes: ['SH001', 'HZ004'] }, month: 'latest', compareWith: 'previous_year',
      kpis: [{ kpi: 'on_time_rate', weight: 600, floor: 0.5 }, { kpi: 'booking_rate', weight: 'abc' }],
    });
    const f = form();
    f.set('checklist_weight', '100');
    f.set('overwrite', 'on');
    expect(comparisonOf(readForm(f)).checklist).toEqual({ weight: 100 });
    expect(readForm(f).overwrite).toBe(true);
    const none = new FormData();
    expect(comparisonOf(readForm(none)).dealers).toEqual({});
  });

  it('places each refusal on its field, in the page\'s language', () => {
    const kpis = ['on_time_rate', 'booking_rate'];
    expect([fieldOf('kpis[1].weight', kpis), fieldOf('kpis', kpis), fieldOf('kpis[7]', kpis), fieldOf('title.zh', kpis), fieldOf('dealers.codes', kpis), fieldOf('month', kpis), fieldOf('bands[0]', kpis), fieldOf(undefined, kpis)])
      .toEqual(['kpi.booking_rate', 'kpis', 'kpis', 'title', 'dealers', 'month', 'form', 'form']);
    const issues = [
      { path: 'kpis[1].weight', message: { zh: '权重应为数字', en: 'weight must be a number' } },
      { path: 'kpis', message: { zh: '权重合计应为 1000 分', en: 'Weights must add up to 1000' } },
    ];
    expect(fieldErrors({ message: 'x', details: { path: 'kpis[1].weight', issues } }, kpis, 'en')).toEqual({ 'kpi.booking_rate': ['weight must be a number'], kpis: ['Weights must add up to 1000'] });
    expect(fieldErrors({ message: 'x', details: { issues } }, kpis, 'zh').kpis).toEqual(['权重合计应为 1000 分']);
    expect(fieldErrors({ message: '已有名为“a”的对标', details: { path: 'id' } }, kpis, 'zh')).toEqual({ id: ['已有名为“a”的对标'] });
    expect(fieldErrors({ message: 'boom', details: {} }, kpis, 'zh')).toEqual({ form: ['boom'] });
  });
});
