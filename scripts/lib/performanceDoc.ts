// Replaces one benchmark's section of docs/PERFORMANCE.md (between its markers), keeping the rest.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PERFORMANCE_MD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'PERFORMANCE.md');

export function writeSection(name: string, markdown: string): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  let doc = existsSync(PERFORMANCE_MD) ? readFileSync(PERFORMANCE_MD, 'utf8') : '# Performance\n\nNumbers written by `pnpm bench…` scripts on this project\'s 2-core machine.\n';
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(PERFORMANCE_MD, doc);
}
