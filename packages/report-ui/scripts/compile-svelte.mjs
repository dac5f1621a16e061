// Compiles the report's Svelte components for Node (server rendering, styles injected into the
// head that render() returns), src/X.svelte → dist/X.svelte.js, so that the CLI and the API
// render the same components the dashboard imports as source.

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
await mkdir(dist, { recursive: true });
for (const file of (await readdir(src)).filter((f) => f.endsWith('.svelte'))) {
  const filename = join(src, file);
  const out = compile(await readFile(filename, 'utf8'), { filename, generate: 'server', css: 'injected', runes: true });
  for (const w of out.warnings) process.stderr.write(`${file}: ${w.message}\n`);
  // sibling components are imported as ./X.svelte; their compiled files are ./X.svelte.js
  const code = out.js.code.replace(/from (['"])(\.\/[\w-]+\.svelte)\1/g, 'from $1$2.js$1');
  await writeFile(join(dist, `${file}.js`), code);
}
