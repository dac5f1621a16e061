// `@fixops/checklist/score` (dist/score.js) is imported by the dashboard in the browser:
// it must reach no node: module, YAML parser or schema validator.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

function reachable(file: string, seen = new Set<string>()): Set<string> {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
    if (!seen.has(target)) {
      seen.add(target);
      reachable(target, seen);
    }
  }
  return seen;
}

describe('@fixops/checklist/score (browser entry)', () => {
  it('reaches only @fixops/shared outside its own pure modules', () => {
    const specs = [...reachable(join(SRC, 'score.ts'))];
    expect(specs.filter((s) => !s.startsWith('/'))).toEqual(['@fixops/shared']);
    expect(specs.filter((s) => s.startsWith('/')).map((s) => s.slice(SRC.length + 1)).sort()).toEqual(['describe.ts', 'rational.ts', 'types.ts']);
  });
});
