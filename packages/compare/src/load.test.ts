import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { comparisonsDir, loadComparison, loadComparisonFile } from './load.js';
import { COMPARISON_SCHEMA } from './schema.js';

/** The examples shipped in the repository's data/comparisons, the default user folder. */
const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'comparisons');

const BASE = {
  id: 'test',
  title: { zh: '测试', en: 'Test' },
  dealers: { all: true },
  kpis: [
    { kpi: 'on_time_rate', weight: 500 },
    { kpi: 'rework_rate', weight: 300 },
    { kpi: 'booking_rate', weight: 200 },
  ],
};

function refusal(data: unknown) {
  const r = loadComparison(typeof data === 'string' ? data : stringify(data));
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}
const withKpis = (kpis: unknown[], extra: Record<string, unknown> = {}) => ({ ...BASE, kpis, ...extra });

describe('comparison files that load', () => {
  it('fills defaults: latest month, previous month, the four OEM-style bands', () => {
    const r = loadComparison(stringify(BASE));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.month).toBe('latest');
    expect(r.value.compareWith).toBe('previous_month');
    expect(r.value.bands.map((b) => `${b.zh} ${b.en} ${b.min}`)).toEqual(['优秀 Excellent 900', '良好 Good 800', '合格 Pass 650', '待改进 Needs improvement 0']);
  });

  it('looks comparisons up in FIXOPS_COMPARISONS_DIR, default data/comparisons under the working directory', () => {
    expect(comparisonsDir({})).toBe(resolve('data/comparisons'));
    expect(comparisonsDir({ FIXOPS_COMPARISONS_DIR: '/srv/comparisons' })).toBe('/srv/comparisons');
  });

  it('ships example files that all load, next to the published schema', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const r = await loadComparisonFile(join(EXAMPLES, f));
      expect(r.ok, r.ok ? '' : r.error.message.en).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(EXAMPLES, 'comparison.schema.json'), 'utf8'))).toEqual(COMPARISON_SCHEMA);
  });
});

describe('refusals name the path in the file and the value', () => {
  it('YAML syntax and duplicate keys, with line and column', () => {
    const e = refusal('id: x\ntitle: [unclosed\n');
    expect(e.code).toBe('compare_yaml');
    expect(e.message.en).toMatch(/Invalid YAML \(line \d+, column \d+\)/);
    expect(refusal('id: a\nid: b\n').message.zh).toContain('YAML 格式错误');
  });

  it('missing and unknown fields, wrong types', () => {
    const { title: _t, ...noTitle } = BASE;
    expect(refusal(noTitle).message).toEqual({ zh: '文件：缺少字段 "title"', en: 'the file: missing field "title"' });
    expect(refusal({ ...BASE, colour: 'red' }).message.en).toBe('the file: unknown field "colour"');
    expect(refusal(withKpis([{ kpi: 'on_time_rate', weight: 'lots' }])).message.en).toBe('kpis[0].weight must be a number (got "lots")');
    expect(refusal(withKpis([{ kpi: 'on_time_rate', weight: 0 }])).message.en).toBe('kpis[0].weight must be > 0 (got 0)');
    expect(refusal(withKpis([])).message.en).toBe('kpis must not be empty');
    expect(refusal({ ...BASE, compareWith: 'last_week' }).message.en).toBe('compareWith must be one of "previous_month", "previous_year" (got "last_week")');
  });

  it('an unknown KPI, with the closest valid ids', () => {
    const e = refusal(withKpis([{ kpi: 'on_time_rate', weight: 500 }, { kpi: 'rework_rate', weight: 300 }, { kpi: 'bookng_rate', weight: 200 }]));
    expect(e.code).toBe('compare_unknown_kpi');
    expect(e.message.en).toBe('kpis[2].kpi: unknown KPI "bookng_rate". Closest: booking_rate, churn_rate, booking_show_rate');
    expect(e.message.zh).toBe('kpis[2].kpi：没有 KPI“bookng_rate”。最接近的：booking_rate, churn_rate, booking_show_rate');
    expect(e.details).toMatchObject({ path: 'kpis[2].kpi' });
  });

  it('a KPI listed twice', () => {
    const e = refusal(withKpis([{ kpi: 'on_time_rate', weight: 500 }, { kpi: 'rework_rate', weight: 300 }, { kpi: 'on_time_rate', weight: 200 }]));
    expect(e.code).toBe('compare_duplicate_kpi');
    expect(e.message.en).toBe('kpis[2].kpi: KPI "on_time_rate" is listed twice (already kpis[0])');
  });

  it('weights that do not add up to 1000, with the sum and every weight', () => {
    const e = refusal(withKpis([{ kpi: 'on_time_rate', weight: 500 }, { kpi: 'rework_rate', weight: 300 }], { checklist: { weight: 150 } }));
    expect(e.code).toBe('compare_weights');
    expect(e.message.en).toBe('Weights must add up to 1000 points, not 950 (50 short): on_time_rate 500 + rework_rate 300 + checklist 150');
    expect(e.message.zh).toBe('权重合计应为 1000 分，实际为 950（少 50）：on_time_rate 500 + rework_rate 300 + checklist 150');
    expect(refusal(withKpis([{ kpi: 'on_time_rate', weight: 700 }, { kpi: 'rework_rate', weight: 400 }])).message.en).toContain('not 1100 (100 over)');
  });

  it('a target on the wrong side of its floor, for either direction', () => {
    const higher = refusal(withKpis([{ kpi: 'on_time_rate', weight: 500, target: 0.5, floor: 0.8 }, { kpi: 'rework_rate', weight: 300 }, { kpi: 'booking_rate', weight: 200 }]));
    expect(higher.code).toBe('compare_target_side');
    expect(higher.message.en).toBe('kpis[0] (on_time_rate): target on the wrong side — On-time delivery rate: higher is better, so floor (0 points) must be below target (full points); now target = 0.5 (50%), floor = 0.8 (80%)');
    const lower = refusal(withKpis([{ kpi: 'on_time_rate', weight: 500 }, { kpi: 'rework_rate', weight: 300, target: 0.05, floor: 0.01 }, { kpi: 'booking_rate', weight: 200 }]));
    expect(lower.message.zh).toBe('kpis[1]（rework_rate）：目标在错误的一侧——返修率越低越好，floor（0 分）必须高于 target（满分）；现在 target = 0.05 (5%)，floor = 0.01 (1%)');
    // lower is better with a target of 0 and no floor: the default floor 2 × 0 equals the target
    expect(refusal(withKpis([{ kpi: 'on_time_rate', weight: 500 }, { kpi: 'rework_rate', weight: 300, target: 0 }, { kpi: 'booking_rate', weight: 200 }])).details).toMatchObject({ path: 'kpis[1].target' });
  });

  it('a checklist floor at or above its target', () => {
    const e = refusal(withKpis([{ kpi: 'on_time_rate', weight: 400 }, { kpi: 'rework_rate', weight: 300 }, { kpi: 'booking_rate', weight: 200 }], { checklist: { weight: 100, target: 0.7, floor: 0.8 } }));
    expect(e.message.en).toBe('checklist: target on the wrong side — a higher score rate is better, so floor (0.8) must be below target (0.7)');
  });

  it('a rate target above 100%, and a KPI without a default target', () => {
    expect(refusal(withKpis([{ kpi: 'on_time_rate', weight: 500, target: 90 }, { kpi: 'rework_rate', weight: 300 }, { kpi: 'booking_rate', weight: 200 }])).message.en)
      .toBe('kpis[0].target: on_time_rate is a rate, so it must lie from 0 to 1 (got 90)');
    const e = refusal(withKpis([{ kpi: 'ro_count', weight: 500 }, { kpi: 'rework_rate', weight: 300 }, { kpi: 'booking_rate', weight: 200 }]));
    expect(e.code).toBe('compare_no_target');
    expect(e.message.en).toBe('kpis[0] (ro_count): Repair orders has no default target; give one with "target"');
  });

  it('bands out of order or not reaching 0', () => {
    const bands = [{ min: 800, zh: '良好', en: 'Good' }, { min: 900, zh: '优秀', en: 'Excellent' }, { min: 0, zh: '差', en: 'Poor' }];
    expect(refusal({ ...BASE, bands }).message.en).toBe('bands[1].min: bands go best first, so 900 must be below 800 of Good');
    expect(refusal({ ...BASE, bands: [{ min: 900, zh: '优秀', en: 'Excellent' }, { min: 600, zh: '合格', en: 'Pass' }] }).message.en).toBe('bands[1].min: the lowest band must start at 0 (got 600)');
  });

  it('a malformed month', () => {
    const e = refusal({ ...BASE, month: '2025-13' });
    expect(e.code).toBe('compare_month');
    expect(e.message).toEqual({ zh: 'month："2025-13" 不是月份，应为 YYYY-MM（例如 2025-12）或 latest', en: 'month: "2025-13" is not a month: use YYYY-MM (e.g. 2025-12) or latest' });
    expect(refusal({ ...BASE, month: 202512 }).message.en).toBe('month: 202512 is not a month: use YYYY-MM (e.g. 2025-12) or latest');
  });

  it('a dealer selection that cannot mean anything', () => {
    expect(refusal({ ...BASE, dealers: {} }).message.en).toBe('dealers must not be empty');
    expect(refusal({ ...BASE, dealers: { exclude: ['SH001'] } }).message.en).toBe('dealers: choose dealers with all: true, codes, regions or groups');
    expect(refusal({ ...BASE, dealers: { all: true, regions: ['华东'] } }).message.en).toBe('dealers: all: true cannot be combined with codes, regions or groups');
    expect(refusal({ ...BASE, dealers: { codes: ['SH001'], groups: ['metro'] } }).message.en).toBe('dealers: codes (listed dealers) cannot be combined with regions or groups');
    expect(refusal({ ...BASE, dealers: { regions: [] } }).message.en).toBe('dealers.regions must not be empty');
    expect(refusal({ ...BASE, dealers: { all: false } }).message.en).toBe('dealers.all can only be true (got false)');
  });

  it('names the file in front of the path, and a file that cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixops-compare-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, stringify(withKpis([{ kpi: 'on_time_rte', weight: 1000 }])));
    const r = await loadComparisonFile(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toBe(`${file}: kpis[0].kpi: unknown KPI "on_time_rte". Closest: on_time_rate, booking_rate, churn_rate`);
    const missing = await loadComparisonFile(join(dir, 'nope.yaml'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('compare_read');
  });
});
