// Writes the published JSON Schemas in data/templates from the package's own (built) copies.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COACHING_SCHEMA, TEMPLATE_SCHEMA, TEMPLATES_DIR } from '../dist/index.js';

for (const [name, schema] of [['template.schema.json', TEMPLATE_SCHEMA], ['coaching-rules.schema.json', COACHING_SCHEMA]]) {
  const file = join(TEMPLATES_DIR, name);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
