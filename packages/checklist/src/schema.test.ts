import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COACHING_SCHEMA } from './coaching.js';
import { SHIPPED_TEMPLATES_DIR } from './files.js';
import { TEMPLATE_SCHEMA } from './schema.js';

describe('published schemas', () => {
  it('templates/*.schema.json are the package schemas (regenerate: pnpm -F @fixops/checklist schema)', () => {
    const read = (name: string): unknown => JSON.parse(readFileSync(join(SHIPPED_TEMPLATES_DIR, name), 'utf8'));
    expect(read('template.schema.json')).toEqual(JSON.parse(JSON.stringify(TEMPLATE_SCHEMA)));
    expect(read('coaching-rules.schema.json')).toEqual(JSON.parse(JSON.stringify(COACHING_SCHEMA)));
  });

  it('forbids unknown fields at every level', () => {
    const defs = TEMPLATE_SCHEMA.definitions as Record<string, { type?: string; additionalProperties?: unknown }>;
    for (const [name, def] of Object.entries(defs)) {
      if (def.type === 'object' && name !== 'periodRule') expect([name, def.additionalProperties]).toEqual([name, false]);
    }
  });
});
