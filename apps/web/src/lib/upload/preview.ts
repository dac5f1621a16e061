// What the server will make of an export, shown before it is sent: the first rows, the
// encoding and separator, the detected kind (or why none fits) and which columns are mapped,
// ignored or dropped as personal data. Detection is @fixops/ingest's own, so the preview and
// the load cannot disagree on headers.

import Papa from 'papaparse';
import { detectKind, detectSeparator, KINDS, parseHeader, separatorName, type KindId, type Separator } from '@fixops/ingest/headers';
import { FixopsException, type Message } from '@fixops/shared';
import { decodeSample, sniffEncoding, type Encoding } from './encoding.js';

/** Bytes read from the start of a file for the preview. */
export const SAMPLE_BYTES = 64 * 1024;

export interface FilePreview {
  file: string;
  size: number;
  encoding: Encoding | null;
  separator: 'comma' | 'semicolon' | 'tab' | null;
  headers: string[];
  /** First data rows, cells as written. */
  rows: string[][];
  kind: KindId | null;
  kindName: Message | null;
  /** Header as written → canonical column. */
  mapped: { header: string; field: string }[];
  ignored: string[];
  dropped: string[];
  /** Why the server would refuse the file (no kind fits, not a CSV…); null when it looks loadable. */
  problem: { code: string; message: Message } | null;
}

export interface PreviewOptions {
  /** Data rows to show (default 5). */
  rows?: number;
  /** Total file size; when larger than the sample, the last (possibly cut) line is not shown. */
  size?: number;
}

function empty(file: string, size: number): FilePreview {
  return { file, size, encoding: null, separator: null, headers: [], rows: [], kind: null, kindName: null, mapped: [], ignored: [], dropped: [], problem: null };
}

function asProblem(e: unknown): { code: string; message: Message } {
  if (e instanceof FixopsException) return { code: e.error.code, message: e.error.message };
  const text = e instanceof Error ? e.message : String(e);
  return { code: 'preview_failed', message: { zh: `无法预览：${text}`, en: `Cannot preview: ${text}` } };
}

/** Previews the first bytes of a file. Never throws: a problem is part of the answer. */
export function previewBytes(file: string, sample: Uint8Array, opts: PreviewOptions = {}): FilePreview {
  const size = opts.size ?? sample.length;
  const out = empty(file, size);
  const sniffed = sniffEncoding(sample, file);
  if (!sniffed.ok) return { ...out, problem: { code: sniffed.code, message: sniffed.message } };
  out.encoding = sniffed.encoding;
  let text = decodeSample(sample, sniffed.encoding);
  if (size > sample.length) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  let separator: Separator;
  try {
    separator = detectSeparator(text);
    out.separator = separatorName(separator) as FilePreview['separator'];
    out.headers = parseHeader(text, separator, file);
  } catch (e) {
    return { ...out, problem: asProblem(e) };
  }
  const parsed = Papa.parse<string[]>(text, { preview: (opts.rows ?? 5) + 1, delimiter: separator, skipEmptyLines: 'greedy' });
  out.rows = parsed.data.slice(1);
  try {
    const m = detectKind(out.headers, file);
    out.kind = m.kind;
    out.kindName = { zh: KINDS[m.kind].zh, en: KINDS[m.kind].en };
    out.mapped = m.mapped.map((c) => ({ header: c.header, field: c.spec.name }));
    out.ignored = m.ignored.map((c) => c.header).filter((h) => h !== '');
    out.dropped = m.dropped.map((c) => c.header);
  } catch (e) {
    out.problem = asProblem(e);
  }
  return out;
}

/** Reads the start of a browser File and previews it. */
export async function previewFile(file: File, opts: Omit<PreviewOptions, 'size'> = {}): Promise<FilePreview> {
  const sample = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
  return previewBytes(file.name, sample, { ...opts, size: file.size });
}
