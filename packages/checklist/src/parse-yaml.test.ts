import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse-yaml.js';

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
