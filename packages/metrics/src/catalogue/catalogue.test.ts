// The KPI files: the shipped ones load as the 20 KPIs of kpis.md, the published JSON Schema is
// the one the loader checks with, and bad files are refused naming the file and the field, with
// the closest valid choice.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_KPI_IDS, readCatalogue } from '../catalog.js';
import { KPI_SCHEMA } from './schema.js';
import { loadKpiDir, loadKpiText, SHIPPED_KPIS_DIR } from './load.js';
import { BUILTIN_COMPUTED } from './validate.js';
import { rowsSpecOf } from './compile.js';
import { KPI_SETTINGS } from './validate.js';
import { SETTINGS } from '../settings.js';

const GOOD = `
id: first_service_share
name: { zh: 首保占比, en: First-service share }
unit: ratio
better: higher
description: { zh: 首保工单占对外工单的比例, en: Share of first free services among external ROs }
target: { op: '>=', value: 0.2 }
value:
  ratio:
    numerator:
      count:
        table: repair_orders
        where:
          - { column: repair_type, equals: maintenance }
          - { column: repair_type_raw, equals: 首保 }
    denominator:
      count:
        table: repair_orders
        where:
          - { column: repair_type, not_equals: internal }
`;

function refusal(text: string, file = 'data/kpis/x.yaml') {
  const r = loadKpiText(text, file);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('the shipped KPI files', () => {
  it('are the 20 KPIs of kpis.md in the catalogue order, five computed by the engine itself', () => {
    const r = readCatalogue(SHIPPED_KPIS_DIR);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((k) => k.id)).toEqual([...BUILTIN_KPI_IDS]);
    expect(r.value.filter((k) => k.builtin).map((k) => k.id).sort()).toEqual([...BUILTIN_COMPUTED].sort());
    expect(r.value.every((k) => !k.custom)).toBe(true);
    expect(r.value.find((k) => k.id === 'booking_rate')).toMatchObject({ zh: '预约率', unit: 'rate', better: 'higher', target: { op: '>=', value: 0.3 } });
  });

  it('publish the JSON Schema the loader checks with', () => {
    expect(JSON.parse(readFileSync(join(SHIPPED_KPIS_DIR, 'kpi.schema.json'), 'utf8'))).toEqual(KPI_SCHEMA);
  });

  it('refer only to settings that exist', () => {
    for (const k of KPI_SETTINGS) expect(SETTINGS.some((s) => s.key === k)).toBe(true);
  });

  it('give a rows spec of the same filters, settings as parameters', () => {
    const r = readCatalogue(SHIPPED_KPIS_DIR);
    if (!r.ok) throw new Error('shipped');
    const time = r.value.find((k) => k.id === 'time_estimate_accuracy')!;
    const spec = rowsSpecOf(time.id, time.value!, { timeEstimateToleranceMinutes: 45 });
    expect(spec.table).toBe('repair_orders');
    expect(spec.numerator.where).toContain('abs(epoch(delivered_time) - epoch(promised_time))');
    expect(spec.numerator.where).toContain('$kpi_timeEstimateToleranceMinutes_x60');
    expect(spec.params).toEqual({ kpi_timeEstimateToleranceMinutes_x60: 2700 });
    expect(spec.denominator!.where).toBe("repair_type <> 'internal' AND promised_time IS NOT NULL AND delivered_time IS NOT NULL");
    const revenue = r.value.find((k) => k.id === 'revenue')!;
    expect(rowsSpecOf('revenue', revenue.value!, {})).toMatchObject({ numerator: { fn: 'sum', sum: 'total_amount' }, denominator: null });
  });
});

describe('a KPI file', () => {
  it('loads when it is right', () => {
    const r = loadKpiText(GOOD, 'first_service_share.yaml');
    expect(r.ok).toBe(true);
  });

  it('with an unknown column is refused naming file, field and the closest column', () => {
    const e = refusal(GOOD.replace('column: repair_type_raw', 'column: delivery_time'), 'data/kpis/x.yaml');
    expect(e.code).toBe('kpi_unknown_column');
    expect(e.message.zh).toBe('data/kpis/x.yaml：value.ratio.numerator.count.where[1].column：未知列 delivery_time（表 repair_orders），是否为 delivered_time？');
    expect(e.message.en).toContain('data/kpis/x.yaml: value.ratio.numerator.count.where[1].column: unknown column delivery_time of repair_orders; did you mean delivered_time?');
  });

  it('comparing a text column by size is refused as a type mismatch', () => {
    const e = refusal(GOOD.replace('{ column: repair_type_raw, equals: 首保 }', '{ column: advisor, gt: 3 }'));
    expect(e.code).toBe('kpi_type_mismatch');
    expect(e.message.en).toContain('value.ratio.numerator.count.where[1].gt: column advisor is text');
  });

  it('equating a money column with a text is refused as a type mismatch', () => {
    const e = refusal(GOOD.replace('{ column: repair_type_raw, equals: 首保 }', '{ column: total_amount, equals: lots }'));
    expect(e.code).toBe('kpi_type_mismatch');
    expect(e.message.zh).toContain('列 total_amount 是金额');
  });

  it('a value no canonical repair type has is refused with the closest one', () => {
    const e = refusal(GOOD.replace('equals: maintenance', 'equals: maintenace'));
    expect(e.code).toBe('kpi_unknown_value');
    expect(e.message.en).toContain('did you mean maintenance?');
  });

  it('an unknown setting is refused with the closest one', () => {
    const e = refusal(GOOD.replace('{ column: repair_type_raw, equals: 首保 }', '{ column: total_amount, gte: { setting: majorAccidentAmont } }'));
    expect(e.code).toBe('kpi_unknown_setting');
    expect(e.message.en).toContain('where[1].gte.setting: unknown setting majorAccidentAmont; did you mean majorAccidentAmount?');
  });

  it('a timestamp compared with a number, a sum of text, empty on money are refused', () => {
    expect(refusal(GOOD.replace('{ column: repair_type_raw, equals: 首保 }', '{ column: open_time, gt: 5 }')).code).toBe('kpi_type_mismatch');
    expect(refusal(GOOD.replace('{ column: repair_type_raw, equals: 首保 }', '{ column: total_amount, empty: true }')).code).toBe('kpi_type_mismatch');
    const sum = refusal(GOOD.replace(/denominator:\n\s+count:\n\s+table: repair_orders/, 'denominator:\n      sum:\n        table: repair_orders\n        column: advisor'));
    expect(sum.message.en).toContain('value.ratio.denominator.sum.column: column advisor is text: cannot be summed');
  });

  it('missing or malformed fields are refused by the schema, naming the field', () => {
    const noName = refusal(GOOD.replace('name: { zh: 首保占比, en: First-service share }\n', ''));
    expect(noName.code).toBe('kpi_schema');
    expect(noName.message.zh).toContain('缺少字段 "name"');
    const unit = refusal(GOOD.replace('unit: ratio', 'unit: percent'));
    expect(unit.message.en).toContain('unit must be one of "ratio", "count", "money", "days"');
    const two = refusal(GOOD.replace('{ column: repair_type, equals: maintenance }', '{ column: repair_type, equals: maintenance, in: [general] }'));
    expect(two.message.en).toContain('value.ratio.numerator.count.where[0]');
    const noValue = refusal(GOOD.replace(/\nvalue:[\s\S]*$/, '\n'));
    expect(noValue.code).toBe('kpi_missing_value');
    expect(refusal('id: [').message.en).toContain('x.yaml: Invalid YAML');
  });

  it('may say builtin: true only for the KPIs the engine computes itself', () => {
    const e = refusal(GOOD.replace(/\nvalue:[\s\S]*$/, '\nbuiltin: true\n'));
    expect(e.code).toBe('kpi_not_builtin');
    expect(e.message.en).toContain('x.yaml: builtin: only the KPIs the engine computes itself');
  });

  it('in a folder with another file of the same id refuses the folder, naming both files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixops-kpis-'));
    writeFileSync(join(dir, 'a.yaml'), GOOD);
    writeFileSync(join(dir, 'b.yaml'), GOOD);
    const r = loadKpiDir(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toBe(`${join(dir, 'b.yaml')}: id: KPI first_service_share is already defined in ${join(dir, 'a.yaml')}`);
  });
});
