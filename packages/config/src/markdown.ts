// The README's configuration table, rendered from VARIABLES so the two cannot drift (a test
// compares this text with the README).

import { VARIABLES } from './variables.js';

export function configTableMarkdown(): string {
  const rows = VARIABLES.map((x) => `| \`${x.name}\` | ${x.defaultText} | ${x.meaning.zh} · ${x.meaning.en} |`);
  return ['| variable | default | 含义 meaning |', '|---|---|---|', ...rows].join('\n');
}
