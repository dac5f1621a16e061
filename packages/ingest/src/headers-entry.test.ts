import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectKind, detectSeparator, mapColumns, parseHeader } from './headers-entry.js';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Every module specifier reachable from a source file, following relative imports. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (!seen.has(target)) {
        seen.add(target);
        reachable(target, seen);
      }
    } else {
      seen.add(spec);
    }
  }
  return seen;
}

describe('@fixops/ingest/headers (browser entry)', () => {
  it('reaches no node: module, DuckDB or database code', () => {
    const specs = [...reachable(join(SRC, 'headers-entry.ts'))];
    const external = specs.filter((s) => !s.startsWith('/'));
    expect(external.sort()).toEqual(['@fixops/shared', 'papaparse']);
    expect(specs.some((s) => /\/(load|read|stage|sql)\//.test(s))).toBe(false);
  });

  it('detects a semicolon repair-orders header as the server does', () => {
    const text = '工单号;VIN;进厂时间;维修类型;总金额（元）;客户姓名;备注\nR1;LSV;2024-01-02;保养;100;张三;x\n';
    const sep = detectSeparator(text);
    expect(sep).toBe(';');
    const headers = parseHeader(text, sep, 'a.csv');
    const m = detectKind(headers, 'a.csv');
    expect(m.kind).toBe('repair_orders');
    expect(m.dropped.map((d) => d.header)).toEqual(['客户姓名']);
    expect(mapColumns(headers, 'repair_orders').ignored.map((d) => d.header)).toEqual(['备注']);
  });
});
