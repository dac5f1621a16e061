// The few ZIP structures an .xlsx needs: the central directory (names, sizes, where each entry
// starts) read from the end of the file, and one entry at a time as a stream, inflated as it
// is read. Nothing is held whole in memory: a 100 MB workbook streams its sheet in chunks.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

/** Not a ZIP file we can read (truncated, damaged): the workbook is refused as corrupt. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The central directory's entries, by name. */
export async function zipEntries(path: string, size: number): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(size, 65557);
  const tail = await readAt(path, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('no end of central directory');
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (at >= 20 && tail.readUInt32LE(at - 20) === EOCD64_LOCATOR) {
    const eocd64 = await readAt(path, Number(tail.readBigUInt64LE(at - 12)), 56);
    count = Number(eocd64.readBigUInt64LE(32));
    cdSize = Number(eocd64.readBigUInt64LE(40));
    cdOffset = Number(eocd64.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size) throw new ZipError('central directory past the end of the file');
  const cd = await readAt(path, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipError('damaged central directory');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let entrySize = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    // ZIP64: the 0xFFFFFFFF fields are in the extra field 0x0001, in this order
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        if (entrySize === 0xffffffff) { entrySize = Number(cd.readBigUInt64LE(q)); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = Number(cd.readBigUInt64LE(q)); q += 8; }
        if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    entries.set(name.replace(/^\//, ''), { name, method, compressedSize, size: entrySize, localOffset, encrypted: (flags & 1) === 1 });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** One entry's bytes, inflated, as a stream; `onCompressed` counts the file's bytes read. */
export async function entryStream(path: string, entry: ZipEntry, onCompressed?: (bytes: number) => void): Promise<Readable> {
  if (entry.encrypted) throw new ZipError('encrypted entry');
  const local = await readAt(path, entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw new ZipError(`damaged entry ${entry.name}`);
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressedSize === 0) {
    const { Readable } = await import('node:stream');
    return Readable.from([]);
  }
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  if (onCompressed) raw.on('data', (chunk) => onCompressed(chunk.length));
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipError(`unsupported compression ${entry.method} in ${entry.name}`);
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  raw.on('error', (e) => inflate.destroy(e));
  // a reader that stops early (the first rows of a sheet) closes the file too
  inflate.on('close', () => raw.destroy());
  return raw.pipe(inflate);
}

/** A whole (small) entry as text. */
export async function entryText(path: string, entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await entryStream(path, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
