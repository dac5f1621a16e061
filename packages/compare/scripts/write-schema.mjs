// Writes the published JSON Schema data/comparisons/comparison.schema.json from the package's own (built) copy.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPARISON_SCHEMA, COMPARISONS_DIR } from '../dist/index.js';

const file = join(COMPARISONS_DIR, 'comparison.schema.json');
writeFileSync(file, `${JSON.stringify(COMPARISON_SCHEMA, null, 2)}\n`);
console.log(`wrote ${file}`);
