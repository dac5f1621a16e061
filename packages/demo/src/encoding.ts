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

const gbCache = new Map<number, Buffer>();

/**
 * Writes text as GB18030 into `buf` at `offset` and returns the byte count. ASCII is copied straight;
 * any other character is encoded once by iconv-lite and cached (GB18030 is stateless per character),
 * which makes big files ~4× faster than encoding joined chunks. `buf` needs 4 bytes per UTF-16 unit.
 */
export function writeGb18030(text: string, buf: Buffer, offset: number): number {
  let o = offset;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      buf[o++] = c;
      continue;
    }
    let key = c;
    let units = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        key = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        units = 2;
      }
    }
    let bytes = gbCache.get(key);
    if (bytes === undefined) {
      bytes = iconv.encode(text.slice(i, i + units), 'gb18030');
      gbCache.set(key, bytes);
    }
    for (let k = 0; k < bytes.length; k++) buf[o++] = bytes[k] as number;
    i += units - 1;
  }
  return o - offset;
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
