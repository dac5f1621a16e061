// Sections of a markdown document written by benchmarks, between
// <!-- bench:NAME:begin --> and <!-- bench:NAME:end -->; everything else is left as it is.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const NAME = /^[a-z0-9][a-z0-9-]*$/;

export function markers(name: string): { begin: string; end: string } {
  if (!NAME.test(name)) throw new RangeError(`section name must be lower-case letters, digits and dashes: ${JSON.stringify(name)}`);
  return { begin: `<!-- bench:${name}:begin -->`, end: `<!-- bench:${name}:end -->` };
}

/** The text between a section's markers (trimmed), or undefined when the document has none. */
export function readSection(doc: string, name: string): string | undefined {
  const { begin, end } = markers(name);
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end, i + begin.length);
  return i >= 0 && j > i ? doc.slice(i + begin.length, j).trim() : undefined;
}

export interface Placement {
  /** Where a section not yet in the document goes: "end" (default) or "top", before the first benchmark section. */
  place?: 'end' | 'top';
}

/** The document with the section's contents replaced (or the section added); applying it twice gives the same text. */
export function replaceSection(doc: string, name: string, markdown: string, opts: Placement = {}): string {
  const { begin, end } = markers(name);
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end, i + begin.length);
  if (i >= 0 && j > i) return doc.slice(0, i) + block + doc.slice(j + end.length);
  if (i >= 0) throw new RangeError(`${begin} has no ${end}`);
  if (opts.place === 'top') {
    const first = doc.search(/<!-- bench:[a-z0-9-]+:begin -->/);
    if (first >= 0) return `${doc.slice(0, first)}${block}\n\n${doc.slice(first)}`;
  }
  return `${doc.trimEnd()}\n\n${block}\n`;
}

/** Replaces a section of a file, creating the file (with `title`) when missing. */
export function writeSectionFile(file: string, name: string, markdown: string, title: string, opts: Placement = {}): void {
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : `${title.trim()}\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, replaceSection(doc, name, markdown, opts));
}
