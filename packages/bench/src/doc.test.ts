import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSection, replaceSection, writeSectionFile } from './doc.js';

const DOC = `# Performance

Intro.

<!-- bench:ingest:begin -->
## Ingest
old ingest
<!-- bench:ingest:end -->

<!-- bench:kpis:begin -->
## KPIs
kpi numbers
<!-- bench:kpis:end -->

## Notes on the numbers
hand-written notes
`;

describe('replaceSection', () => {
  it('replaces only the named section and keeps the others and the prose', () => {
    const out = replaceSection(DOC, 'ingest', '## Ingest\nnew ingest\n');
    expect(readSection(out, 'ingest')).toBe('## Ingest\nnew ingest');
    expect(readSection(out, 'kpis')).toBe('## KPIs\nkpi numbers');
    expect(out).toContain('Intro.');
    expect(out).toContain('hand-written notes');
    expect(out).not.toContain('old ingest');
  });
  it('is idempotent', () => {
    const once = replaceSection(DOC, 'kpis', 'x');
    expect(replaceSection(once, 'kpis', 'x')).toBe(once);
    const added = replaceSection(DOC, 'summary', 'S', { place: 'top' });
    expect(replaceSection(added, 'summary', 'S', { place: 'top' })).toBe(added);
  });
  it('adds a missing section at the end, or at the top before the first benchmark section', () => {
    expect(replaceSection(DOC, 'web', 'W').trimEnd().endsWith('<!-- bench:web:begin -->\nW\n<!-- bench:web:end -->')).toBe(true);
    const top = replaceSection(DOC, 'summary', 'S', { place: 'top' });
    expect(top.indexOf('Intro.')).toBeLessThan(top.indexOf('bench:summary:begin'));
    expect(top.indexOf('bench:summary:end')).toBeLessThan(top.indexOf('bench:ingest:begin'));
  });
  it('does not mistake a name that is a prefix of another', () => {
    const doc = replaceSection(replaceSection('# T\n', 'api', 'A'), 'api-load', 'B');
    expect(readSection(replaceSection(doc, 'api', 'A2'), 'api-load')).toBe('B');
  });
  it('refuses a begin marker without its end, and names that are not plain', () => {
    expect(() => replaceSection('<!-- bench:x:begin -->\nhalf', 'x', 'y')).toThrow(/has no/);
    expect(() => replaceSection(DOC, 'a b', 'y')).toThrow(/section name/);
  });
});

describe('writeSectionFile', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  it('creates the file with its title, then replaces in place', () => {
    dir = mkdtempSync(join(tmpdir(), 'fixops-bench-doc-'));
    const file = join(dir, 'docs', 'SCALING.md');
    writeSectionFile(file, 'scaling', 'one', '# Scaling');
    expect(readFileSync(file, 'utf8')).toBe('# Scaling\n\n<!-- bench:scaling:begin -->\none\n<!-- bench:scaling:end -->\n');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nprose after\n');
    writeSectionFile(file, 'scaling', 'two', '# Scaling');
    expect(readFileSync(file, 'utf8')).toBe('# Scaling\n\n<!-- bench:scaling:begin -->\ntwo\n<!-- bench:scaling:end -->\n\nprose after\n');
  });
});
