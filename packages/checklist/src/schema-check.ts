// Checks a template or coaching table against its JSON Schema with the shared wording
// (@fixops/shared/yaml-schema), naming the entry at fault as a person looks for it
// ("模块 front_desk.dms 的 max") rather than by its path.

import { checkSchema as checkAgainst, yamlOrData, type SchemaIssue } from '@fixops/shared/yaml-schema';
import { ok, type Message, type Result } from '@fixops/shared';
import { locate, subject } from './describe.js';

export type { SchemaIssue };

/** Discriminator tags and the values they accept (for "unknown kind" messages). */
const TAG_VALUES: Record<string, string[]> = {
  kind: ['points', 'weighted'],
  rule: ['consecutive', 'any_dimension_zero'],
};

/**
 * `ok(data)` when `data` fits `schema`; otherwise a `code` error whose message is the first
 * problem (naming the entry) and whose details list them all.
 */
export function checkSchema(schema: object, data: unknown, rootKind: Message, code: string): Result<unknown> {
  return checkAgainst(schema, data, {
    code,
    root: rootKind,
    tags: TAG_VALUES,
    locate: (root, segments) => {
      const place = locate(root, segments, rootKind);
      return { at: subject(place), path: place.path, owner: place.ownerId };
    },
  });
}

/** YAML/JSON text or parsed data in (refused as `yamlCode`), checked against `schema` (refused as `code`): the plain data out. */
export function readChecked(input: unknown, yamlCode: string, schema: object, rootKind: Message, code: string): Result<unknown> {
  const parsed = yamlOrData(input, yamlCode);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(schema, parsed.value, rootKind, code);
  return checked.ok ? ok(parsed.value) : checked;
}
