import { describe, expect, it } from 'vitest';
import { checkSchema, parseYaml, yamlOrData } from './yaml-schema.js';

describe('yamlOrData', () => {
  it('parses text, copies data, refuses bad YAML with the code given', () => {
    expect(yamlOrData('a: [1]', 'c')).toEqual({ ok: true, value: { a: [1] } });
    const given = { a: [1] };
    const r = yamlOrData(given, 'c');
    expect(r).toEqual({ ok: true, value: { a: [1] } });
    if (r.ok) expect(r.value).not.toBe(given);
    const bad = yamlOrData('a: [1', 'coaching_yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('coaching_yaml');
  });
});

describe('parseYaml', () => {
  it('reads YAML and JSON', () => {
    expect(parseYaml('a: 1\nb: [x, y]\n', 'c')).toEqual({ ok: true, value: { a: 1, b: ['x', 'y'] } });
    expect(parseYaml('{"a": 0.7}', 'c')).toEqual({ ok: true, value: { a: 0.7 } });
  });

  it('refuses syntax errors with the line', () => {
    const r = parseYaml('a: 1\nb: [x, y\n', 'template_yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('template_yaml');
    expect(r.error.message.en).toMatch(/^Invalid YAML \(line \d+, column \d+\)/);
    expect(r.error.message.zh).toMatch(/^YAML 格式错误（第 \d+ 行/);
  });

  it('refuses duplicate keys', () => {
    const r = parseYaml('max: 10\nmax: 20\n', 'template_yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toContain('line 2');
  });
});

describe('checkSchema', () => {
  const schema = {
    type: 'object', additionalProperties: false, required: ['id', 'kpis'],
    properties: {
      id: { type: 'string', minLength: 1 },
      all: { const: true },
      kpis: { type: 'array', minItems: 1, items: { type: 'object', required: ['weight'], properties: { weight: { type: 'number', minimum: 0 } } } },
      options: { type: 'object' },
    },
  };
  const say = (data: unknown) => {
    const r = checkSchema(schema, data, { code: 'spec_schema' });
    if (r.ok) throw new Error('expected a refusal');
    return r.error;
  };

  it('passes good data through', () => {
    expect(checkSchema(schema, { id: 'a', kpis: [{ weight: 1 }] }, { code: 'x' })).toEqual({ ok: true, value: { id: 'a', kpis: [{ weight: 1 }] } });
  });

  it('names the path and the value found, in both languages', () => {
    expect(say({ id: 'a', kpis: [{ weight: 'lots' }] }).message).toEqual({ zh: 'kpis[0].weight 必须是数字（实际为 "lots"）', en: 'kpis[0].weight must be a number (got "lots")' });
    expect(say({ id: 'a', kpis: [{ weight: -1 }] }).message.en).toBe('kpis[0].weight must be >= 0 (got -1)');
    expect(say({ id: 'a', kpis: [] }).message).toEqual({ zh: 'kpis 不能为空', en: 'kpis must not be empty' });
    expect(say({ id: 'a', kpis: [{ weight: 1 }], all: false }).message.en).toBe('all can only be true (got false)');
    expect(say({ id: 'a', kpis: [{ weight: 1 }], options: [] }).message.en).toBe('options must be an object (got [])');
    expect(say({ kpis: [{ weight: 1 }] }).message).toEqual({ zh: '文件：缺少字段 "id"', en: 'the file: missing field "id"' });
    const e = say({ id: '', kpis: [], extra: 1 });
    expect(e.code).toBe('spec_schema');
    expect((e.details?.['issues'] as unknown[]).length).toBe(3);
  });

  it('lets a package name places its own way', () => {
    const e = checkSchema(schema, { id: 'a', kpis: [{}] }, {
      code: 'c', locate: (_d, segments) => ({ at: { zh: `条目 ${segments.join('.')}`, en: `entry ${segments.join('.')}` }, path: segments.join('/'), owner: 'k1' }),
    });
    expect(!e.ok && e.error.message.en).toBe('entry kpis.0: missing field "weight"');
    expect(!e.ok && e.error.details?.['id']).toBe('k1');
  });
});
