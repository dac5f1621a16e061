// Which encoding a file is in: the Node-free sniff (./sniff.ts, shared with the API and the
// browser preview) as ingest uses it — a refusal becomes a thrown FixopsError with its reason —
// and the spellings a user may give to override it.

import { fail } from '@fixops/shared';
import { sniffBytes, type Encoding } from './sniff.js';

export { bomLength, ENCODINGS, type Encoding } from './sniff.js';
export { completeUtf8Prefix } from './utf8Prefix.js';

/** Accepts common spellings of an encoding given by a user. */
export function parseEncoding(text: string): Encoding | undefined {
  const t = text.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'utf8' || t === 'utf-8') return 'utf-8';
  if (t === 'utf-8-bom' || t === 'utf8-bom' || t === 'utf-8-sig') return 'utf-8-bom';
  if (t === 'gbk' || t === 'gb2312' || t === 'gb18030' || t === 'cp936') return 'gb18030';
  if (t === 'utf-16le' || t === 'utf16le' || t === 'utf-16' || t === 'unicode') return 'utf-16le';
  if (t === 'utf-16be' || t === 'utf16be') return 'utf-16be';
  return undefined;
}

/** The encoding of a file from its first bytes; throws the refusal (empty, spreadsheet, binary, UTF-16 without BOM). */
export function sniffEncoding(sample: Uint8Array, file: string): Encoding {
  const sniffed = sniffBytes(sample, file);
  if (!sniffed.ok) fail(sniffed.code, sniffed.message, { file });
  return sniffed.encoding;
}
