// Reads a file once, streaming: checksum, encoding check, record index, and — when the
// file is not UTF-8 — transcoding into a temporary UTF-8 copy for DuckDB (its read_csv has
// no GBK). The file is never held whole in memory.

import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { fail } from '@fixops/shared';
import { tooManyRows } from '../limits.js';
import { completeUtf8Prefix, sniffEncoding, type Encoding } from '../detect/encoding.js';
import { RecordScanner, recordIndex, type RecordIndex, type RecordIndexData } from '../detect/scanner.js';
import { detectSeparator, parseHeader, type Separator } from '../detect/separator.js';
import { findHeaderRow, HEADER_SEARCH_ROWS } from '../detect/headerRow.js';
import type { KindId } from '../kinds/types.js';

const SAMPLE_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export interface PrepareOptions {
  /** Name shown in messages. */
  file: string;
  /** Folder for the transcoded copy; the caller removes it. */
  tempDir: string;
  encoding?: Encoding;
  separator?: Separator;
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /** Stop reading, refusing the file, once it has more data records than this. */
  maxRows?: number;
  /** The kind given by the user: the header is then looked for among that kind's columns. */
  kind?: KindId;
}

/** What the first 64 KB tell: encoding, separator and header. */
export interface InspectedFile {
  path: string;
  size: number;
  encoding: Encoding;
  separator: Separator;
  headers: string[];
  /** The complete data records of that sample (header excluded), parsed: what a quick early check looks at. */
  firstRecords: string[][];
  /** The sample is the whole file (firstRecords are all its records). */
  sampleIsWhole: boolean;
  /** Lines above the header (title lines and blank lines), skipped. */
  titleRows: number;
  /** Of those, the non-empty ones (records the record scanner skips). */
  titleRecords: number;
}

export interface PreparedFile {
  /** What DuckDB reads: the file itself, or its UTF-8 copy. */
  utf8Path: string;
  encoding: Encoding;
  separator: Separator;
  headers: string[];
  checksum: string;
  bytes: number;
  index: RecordIndex;
}

/** A prepared file as plain data (what a worker thread sends back). */
export type PreparedData = Omit<PreparedFile, 'index'> & { index: RecordIndexData };

export function fromData(data: PreparedData): PreparedFile {
  return { ...data, index: recordIndex(data.index) };
}

export async function inspectFile(path: string, opts: PrepareOptions): Promise<InspectedFile> {
  const { size } = await stat(path);
  const sample = await readSample(path);
  const encoding = opts.encoding ?? sniffEncoding(sample, opts.file);
  if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && !isUtf8(completeUtf8Prefix(sample))) notUtf8(opts);
  const text = decodeSample(sample, encoding, size > sample.length);
  const separator = opts.separator ?? detectSeparator(text);
  const title = titleLines(text, separator, opts.kind);
  const body = title.chars > 0 ? text.slice(title.chars) : text;
  const headers = parseHeader(body, separator, opts.file);
  return {
    path, size, encoding, separator, headers, firstRecords: sampleRecords(body, separator, size > sample.length), sampleIsWhole: size <= sample.length,
    titleRows: title.lines, titleRecords: title.records,
  };
}

/**
 * The title lines above the header (dms-exports.md: the header is the first of the first 10
 * rows with three cells that map to one kind): how many lines (blank ones included: what
 * DuckDB's `skip` counts), how many of them are records (non-empty), and where the header starts.
 */
export function titleLines(text: string, separator: Separator, kind?: KindId): { lines: number; records: number; chars: number } {
  const first = Papa.parse<string[]>(text, { delimiter: separator, preview: HEADER_SEARCH_ROWS }).data;
  const at = findHeaderRow(first, kind);
  if (at <= 0) return { lines: 0, records: 0, chars: 0 };
  const above = first.slice(0, at);
  // the character where the header starts: past `at` line ends (title lines hold no quoted line breaks)
  let chars = 0;
  for (let i = 0; i < at; i++) {
    const lf = text.indexOf('\n', chars);
    const cr = text.indexOf('\r', chars);
    const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
    if (end === -1) return { lines: 0, records: 0, chars: 0 };
    chars = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
  }
  return { lines: at, records: above.filter((r) => !(r.length === 1 && r[0] === '')).length, chars };
}

/** The sample's records after the header; the last one is left out when the sample was cut (it may be partial). */
function sampleRecords(text: string, separator: Separator, truncated: boolean): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter: separator, skipEmptyLines: 'greedy' }).data.slice(1);
  if (truncated) rows.pop();
  return rows;
}

/** True when DuckDB can read the file as it is (no transcoding needed, if it really is UTF-8). */
export function readsAsUtf8(inspected: InspectedFile): boolean {
  return inspected.encoding === 'utf-8' || inspected.encoding === 'utf-8-bom';
}

/**
 * The one streaming pass: checksum, UTF-8 check or transcoding, record index. A file whose
 * start looked like UTF-8 but whose later bytes are not is a GB18030 file with an ASCII start:
 * it is then transcoded (and the result's encoding says so).
 */
export async function prepareFile(inspected: InspectedFile, opts: PrepareOptions): Promise<PreparedFile> {
  return fromData(await prepareData(inspected, opts));
}

/** The same pass, answering plain data (the record index as typed arrays). */
export async function prepareData(inspected: InspectedFile, opts: PrepareOptions): Promise<PreparedData> {
  const { path, size, encoding, separator, headers, titleRecords } = inspected;
  if (readsAsUtf8(inspected)) {
    const scanned = await scanUtf8(path, size, separator, titleRecords, opts);
    if (scanned) return { utf8Path: path, encoding, separator, headers, checksum: scanned.checksum, bytes: size, index: scanned.index };
    if (opts.encoding) notUtf8(opts);
    return transcode(path, size, 'gb18030', separator, headers, titleRecords, opts);
  }
  return transcode(path, size, encoding, separator, headers, titleRecords, opts);
}

function notUtf8(opts: PrepareOptions): never {
  return fail('bad_encoding', {
    zh: `${opts.file}：文件不是有效的 UTF-8 编码（指定了 ${opts.encoding}）。`,
    en: `${opts.file}: the file is not valid UTF-8 (${opts.encoding} was given).`,
  }, { file: opts.file, encoding: opts.encoding });
}

async function readSample(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SAMPLE_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function decodeSample(sample: Uint8Array, encoding: Encoding, truncated: boolean): string {
  let text: string;
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') text = Buffer.from(completeUtf8Prefix(sample)).toString('utf8');
  else {
    const even = encoding === 'gb18030' ? sample : sample.subarray(0, sample.length - (sample.length % 2));
    text = iconv.decode(Buffer.from(even), encoding);
  }
  text = text.replace(/^\uFEFF/, '');
  if (truncated) {
    const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (cut > 0) text = text.slice(0, cut);
  }
  return text;
}

/**
 * Reads the file in chunks into one reused buffer (no allocation per chunk, so a 100 MB file
 * leaves no 100 MB of garbage behind). The first `keep` bytes of the buffer are left for the
 * caller's carry-over (what onChunk returns; null stops reading); a chunk is valid only until
 * the next one is read.
 */
async function readChunks(path: string, onChunk: (buf: Buffer, start: number, end: number) => number | null | void | Promise<number | null | void>): Promise<void> {
  const handle = await open(path, 'r');
  const buf = Buffer.allocUnsafe(CHUNK_BYTES + 8);
  let keep = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buf, keep, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      const next = await onChunk(buf, keep, keep + bytesRead);
      if (next === null) return; // the caller has seen enough
      keep = next ?? 0;
    }
  } finally {
    await handle.close();
  }
}

/** Returns undefined when a byte sequence is not valid UTF-8. */
async function scanUtf8(path: string, size: number, separator: Separator, titleRecords: number, opts: PrepareOptions): Promise<{ checksum: string; index: RecordIndexData } | undefined> {
  const hash = createHash('sha256');
  const scanner = new RecordScanner(separator, titleRecords);
  let valid = true;
  let carry = 0;
  let read = 0;
  await readChunks(path, (buf, start, end) => {
    const chunk = buf.subarray(start, end);
    hash.update(chunk);
    // The bytes of a character cut by the previous chunk sit just before this one.
    const complete = completeUtf8Prefix(buf.subarray(0, end));
    if (!isUtf8(complete)) {
      valid = false;
      return null;
    }
    scanner.push(chunk);
    overLimit(scanner, opts);
    read += chunk.length;
    opts.onProgress?.(read, size);
    carry = end - complete.length;
    if (carry > 0) buf.copy(buf, 0, complete.length, end);
    return carry;
  });
  if (!valid || carry > 0) return undefined;
  return { checksum: hash.digest('hex'), index: scanner.finishData() };
}

/** A streaming decoder: Node's own (ICU) TextDecoder where it knows the encoding, else iconv-lite. */
function streamingDecoder(encoding: Encoding): { write(chunk: Buffer): string; end(): string } {
  try {
    const td = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
    return { write: (chunk) => td.decode(chunk, { stream: true }), end: () => td.decode() };
  } catch {
    const d = iconv.getDecoder(encoding, { stripBOM: true });
    // iconv-lite may keep a reference to the chunk's last bytes: give it a copy (the chunk's buffer is reused)
    return { write: (chunk) => d.write(Buffer.from(chunk)), end: () => d.end() ?? '' };
  }
}

async function transcode(path: string, size: number, encoding: Encoding, separator: Separator, headers: string[], titleRecords: number, opts: PrepareOptions): Promise<PreparedData> {
  const hash = createHash('sha256');
  const scanner = new RecordScanner(separator, titleRecords);
  const decoder = streamingDecoder(encoding);
  const utf8Path = join(opts.tempDir, 'utf8.csv');
  const out = createWriteStream(utf8Path);
  let read = 0;
  let replaced = 0;
  const emit = async (text: string) => {
    if (!text) return;
    if (text.includes('\uFFFD')) replaced += text.split('\uFFFD').length - 1;
    const bytes = Buffer.from(text, 'utf8');
    scanner.push(bytes);
    overLimit(scanner, opts);
    await write(out, bytes);
  };
  try {
    await readChunks(path, async (buf, start, end) => {
      const chunk = buf.subarray(start, end);
      hash.update(chunk);
      await emit(decoder.write(chunk));
      read += chunk.length;
      opts.onProgress?.(read, size);
    });
    await emit(decoder.end());
  } finally {
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
  if (replaced > 0) {
    fail('bad_encoding', {
      zh: `${opts.file}：无法按 ${encoding} 读取文件（${replaced} 处无法解码的字节）。请确认文件编码，或用 --encoding 指定。`,
      en: `${opts.file}: cannot read the file as ${encoding} (${replaced} undecodable byte sequences). Check its encoding or give --encoding.`,
    }, { file: opts.file, encoding, undecodable: replaced });
  }
  return { utf8Path, encoding, separator, headers, checksum: hash.digest('hex'), bytes: size, index: scanner.finishData() };
}

/** Refuses the file as soon as it has more records than the limit: the rest is never read. */
function overLimit(scanner: RecordScanner, opts: PrepareOptions): void {
  if (opts.maxRows !== undefined && scanner.recordCount > opts.maxRows) throw tooManyRows(opts.file, scanner.recordCount, opts.maxRows);
}

function write(stream: WriteStream, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const okToContinue = stream.write(bytes, (e) => (e ? reject(e) : undefined));
    if (okToContinue) resolve();
    else stream.once('drain', resolve);
  });
}
