// Writes the published JSON Schemas in the package's templates/ folder from the package's own (built) copies.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COACHING_SCHEMA, SHIPPED_TEMPLATES_DIR, TEMPLATE_SCHEMA } from '../dist/index.js';

for (const [name, schema] of [['template.schema.json', TEMPLATE_SCHEMA], ['coaching-rules.schema.json', COACHING_SCHEMA]]) {
  const file = join(SHIPPED_TEMPLATES_DIR, name);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
