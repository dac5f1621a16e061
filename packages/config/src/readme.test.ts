import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configTableMarkdown } from './markdown.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('the README configuration table', () => {
  it('is the table rendered from VARIABLES (regenerate: node -e "import(\'@fixops/config\').then(m => console.log(m.configTableMarkdown()))")', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(configTableMarkdown());
  });

  it('lists every FIXOPS_* variable the code names', () => {
    const out = execFileSync('git', ['grep', '-ohE', 'FIXOPS_[A-Z_]*[A-Z]', '--', 'apps', 'packages', 'scripts'], { cwd: ROOT, encoding: 'utf8' });
    // FIXOPS_WEB_ is adapter-node's prefix (svelte.config.js), not a variable.
    const named = [...new Set(out.split('\n').filter((n) => n !== '' && n !== 'FIXOPS_WEB'))].sort();
    const table = configTableMarkdown();
    for (const name of named) expect(table, name).toContain(`\`${name}\``);
  });
});
