// Comma, semicolon or tab: papaparse guesses from the first records (the separator that
// gives the most consistent field counts), and the header is parsed with it.

import Papa from 'papaparse';
import { fail } from '@fixops/shared';

export type Separator = ',' | ';' | '\t';
export const SEPARATORS: readonly Separator[] = [',', ';', '\t'];

export function separatorName(sep: string): string {
  return sep === '\t' ? 'tab' : sep === ';' ? 'semicolon' : 'comma';
}

export function parseSeparator(text: string): Separator | undefined {
  const t = text.toLowerCase();
  if (t === ',' || t === 'comma') return ',';
  if (t === ';' || t === 'semicolon') return ';';
  if (t === '\t' || t === '\\t' || t === 'tab') return '\t';
  return undefined;
}

/** `text` is the decoded start of the file (BOM removed). */
export function detectSeparator(text: string): Separator {
  const guess = Papa.parse<string[]>(text, { preview: 50, delimitersToGuess: [...SEPARATORS], skipEmptyLines: true });
  const d = guess.meta.delimiter;
  return (SEPARATORS as readonly string[]).includes(d) ? (d as Separator) : ',';
}

export function parseHeader(text: string, separator: Separator, file: string): string[] {
  const parsed = Papa.parse<string[]>(text, { preview: 1, delimiter: separator, skipEmptyLines: 'greedy' });
  const header = parsed.data[0];
  if (!header || header.every((h) => h.trim() === '')) {
    fail('empty_file', { zh: `${file}：文件为空（没有表头）。`, en: `${file}: the file is empty (no header row).` }, { file });
  }
  return header.map((h) => h.replace(/^\uFEFF/, '').trim());
}
