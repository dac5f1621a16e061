/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- these tests edit parsed template data
   at any depth on purpose to build invalid files; the code under test takes `unknown`. */
import { describe, expect, it } from 'vitest';
import { ROOTS } from './describe.js';
import { checkSchema, readChecked } from './schema-check.js';
import { TEMPLATE_SCHEMA } from './schema.js';
import { miniWeighted, refused } from './test-helpers/fixtures.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'items'],
  properties: {
    id: { type: 'string' },
    items: { type: 'array', minItems: 1, items: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', minLength: 1 }, max: { type: 'integer', maximum: 10 } } } },
  },
} as const;

describe('checkSchema', () => {
  it('passes good data through', () => {
    expect(checkSchema(schema, { id: 'x', items: [{ id: 'a' }] }, ROOTS.template, 'c')).toEqual({ ok: true, value: { id: 'x', items: [{ id: 'a' }] } });
  });

  it('explains each keyword in both languages, naming the entry', () => {
    const say = (data: unknown) => refused(checkSchema(schema, data, ROOTS.template, 'c')).message;
    expect(say({ id: 'x', items: [] })).toEqual({ zh: '模板 x 的 items 不能为空', en: 'template x: items must not be empty' });
    expect(say({ id: 'x', items: [{ id: 'a', max: 11 }] })).toEqual({ zh: '项目 a 的 max 必须小于等于 10（实际为 11）', en: 'item a: max must be <= 10 (got 11)' });
    expect(say({ id: 'x', items: [{ id: 'a', max: 1.5 }] })).toEqual({ zh: '项目 a 的 max 必须是整数（实际为 1.5）', en: 'item a: max must be an integer (got 1.5)' });
    expect(say({ id: 'x', items: [{ id: '' }] }).en).toBe('item items[0]: id must not be empty');
    expect(say({ items: [{ id: 'a' }] })).toEqual({ zh: '模板：缺少字段 "id"', en: 'template: missing field "id"' });
  });

  it('names bad keys of a weight map', () => {
    const w = miniWeighted() as Record<string, any>;
    w['weights']['classes'][0]['weights'] = { p: 1, 'Q Q': 1 };
    const e = refused(checkSchema(TEMPLATE_SCHEMA, w, ROOTS.template, 'c'));
    expect(e.message.en).toMatch(/^class even: weights: key "Q Q" does not match/);
  });
});

describe('readChecked', () => {
  it('refuses bad YAML as the YAML code and a schema miss as the schema code; gives the data when both pass', () => {
    const bad = readChecked('kind: [points', 'template_yaml', TEMPLATE_SCHEMA, ROOTS.template, 'template_schema');
    expect(bad.ok ? undefined : bad.error.code).toBe('template_yaml');
    const miss = readChecked({ kind: 'points' }, 'template_yaml', TEMPLATE_SCHEMA, ROOTS.template, 'template_schema');
    expect(miss.ok ? undefined : miss.error.code).toBe('template_schema');
    const good = readChecked(miniWeighted(), 'template_yaml', TEMPLATE_SCHEMA, ROOTS.template, 'template_schema');
    expect(good.ok && (good.value as { kind: string }).kind).toBe('weighted');
  });
});
