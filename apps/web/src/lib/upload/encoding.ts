// Which encoding an export is in, from its first bytes, in the browser: the same Node-free
// sniff the server runs (@fixops/ingest/headers), plus decoding the sample for the preview.

import { bomLength, completeUtf8Prefix, sniffBytes, type Encoding, type Sniffed } from '@fixops/ingest/headers';

export type { Encoding, Sniffed };
export { completeUtf8Prefix, sniffBytes as sniffEncoding };

/** Decodes the sample (without its BOM); `new TextDecoder('gb18030')` for Chinese exports. */
export function decodeSample(sample: Uint8Array, encoding: Encoding): string {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const rest = sample.subarray(bomLength(encoding));
  const body = encoding === 'utf-8' || encoding === 'utf-8-bom' ? completeUtf8Prefix(rest) : rest;
  return new TextDecoder(label, { ignoreBOM: true }).decode(body).replace(/^\uFEFF/, '');
}
