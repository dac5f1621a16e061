// Turns text into the bytes a DMS would save: UTF-8 (± BOM), GB18030 via iconv-lite, UTF-16LE with BOM.
import iconv from 'iconv-lite';

export type DemoEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le';

const BOMS: Record<DemoEncoding, Buffer> = {
  'utf-8': Buffer.alloc(0),
  'utf-8-bom': Buffer.from([0xef, 0xbb, 0xbf]),
  gb18030: Buffer.alloc(0),
  'utf-16le': Buffer.from([0xff, 0xfe]),
};

/** Bytes that open the file (empty for encodings saved without a BOM). */
export function bomFor(encoding: DemoEncoding): Buffer {
  return BOMS[encoding];
}

/** Encodes a chunk of text (no BOM). Chunks must break at row boundaries, never inside a surrogate pair. */
export function encodeText(text: string, encoding: DemoEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

/** Reads bytes back (strips the BOM): used by tests and by anyone checking a generated file. */
export function decodeBytes(bytes: Buffer, encoding: DemoEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return bytes.toString('utf8');
    case 'utf-8-bom':
      return bytes.subarray(3).toString('utf8');
    case 'utf-16le':
      return bytes.subarray(2).toString('utf16le');
    case 'gb18030':
      return iconv.decode(bytes, 'gb18030');
  }
}
