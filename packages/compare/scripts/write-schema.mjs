// Writes the published JSON Schema data/comparisons/comparison.schema.json (next to the examples in the
// repository, where editors find it through their `$schema` line) from the package's own (built) copy.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMPARISON_SCHEMA } from '../dist/index.js';

const file = fileURLToPath(new URL('../../../data/comparisons/comparison.schema.json', import.meta.url));
writeFileSync(file, `${JSON.stringify(COMPARISON_SCHEMA, null, 2)}\n`);
console.log(`wrote ${file}`);
