// What the server will make of an export, shown before it is sent: the first rows, the
// encoding and separator, the detected kind (or why none fits) and which columns are mapped,
// ignored or dropped as personal data. Detection is @fixops/ingest's own, so the preview and
// the load cannot disagree on headers. Title lines above the header are skipped as the server
// skips them; an Excel workbook is read by @fixops/ingest/workbook-preview, imported only when
// a workbook is chosen (SheetJS is large: other pages' JS does not grow). The sample rows are
// checked with the ingest's own row rules (@fixops/ingest/headers checkRow: required values,
// dates, amounts, whole numbers…), so the page warns before uploading about the rows the server
// would reject, naming the line, the column by its field name and the value.

import Papa from 'papaparse';
import { checkRow, detectKind, detectSeparator, fieldName, findHeaderRow, HEADER_SEARCH_ROWS, KINDS, parseHeader, reasonFor, separatorName, workbookFormat, type KindId, type MappedColumn, type Separator } from '@fixops/ingest/headers';
import { FixopsException, type Message } from '@fixops/shared';
import { decodeSample, sniffEncoding, type Encoding } from './encoding.js';

/** Bytes read from the start of a file for the preview. */
export const SAMPLE_BYTES = 64 * 1024;

export interface FilePreview {
  file: string;
  size: number;
  encoding: Encoding | null;
  separator: 'comma' | 'semicolon' | 'tab' | null;
  /** An Excel workbook: the sheet the server will read (null for text files, or when none detects). */
  sheet: string | null;
  /** 'xlsx' or 'xls' for a workbook, null for text. */
  workbook: 'xlsx' | 'xls' | null;
  /** Title rows above the header, skipped. */
  titleRows: number;
  headers: string[];
  /** First data rows, cells as written. */
  rows: string[][];
  kind: KindId | null;
  kindName: Message | null;
  /** Header as written → canonical column (shown by its name for people: fieldName). */
  mapped: { header: string; field: string }[];
  /** The columns as the ingest maps them (for checking the sample rows); null when no kind fits. */
  mapping: { kind: KindId; mapped: MappedColumn[] } | null;
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
  return { file, size, encoding: null, separator: null, sheet: null, workbook: null, titleRows: 0, headers: [], rows: [], kind: null, kindName: null, mapped: [], mapping: null, ignored: [], dropped: [], problem: null };
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
    // title lines above the header: skipped, as the server does
    const first = Papa.parse<string[]>(text, { preview: HEADER_SEARCH_ROWS, delimiter: separator }).data;
    const at = findHeaderRow(first);
    if (at > 0) {
      out.titleRows = at;
      text = text.split(/\r\n|\n|\r/).slice(at).join('\n');
    }
    out.headers = parseHeader(text, separator, file);
  } catch (e) {
    return { ...out, problem: asProblem(e) };
  }
  const parsed = Papa.parse<string[]>(text, { preview: (opts.rows ?? 5) + 1, delimiter: separator, skipEmptyLines: 'greedy' });
  out.rows = parsed.data.slice(1);
  detect(out, file);
  return out;
}

/** The kind and the columns' fate, from the headers (a problem when no kind fits). */
function detect(out: FilePreview, file: string): void {
  try {
    const m = detectKind(out.headers, file);
    out.kind = m.kind;
    out.kindName = { zh: KINDS[m.kind].zh, en: KINDS[m.kind].en };
    out.mapped = m.mapped.map((c) => ({ header: c.header, field: c.spec.name }));
    out.mapping = { kind: m.kind, mapped: m.mapped };
    out.ignored = m.ignored.map((c) => c.header).filter((h) => h !== '');
    out.dropped = m.dropped.map((c) => c.header);
  } catch (e) {
    out.problem = asProblem(e);
  }
}

/** Previews a whole Excel workbook (its first rows): the workbook reader is loaded on first use. */
export async function previewWorkbookBytes(file: string, bytes: Uint8Array, format: 'xlsx' | 'xls', opts: Omit<PreviewOptions, 'size'> = {}): Promise<FilePreview> {
  const out = { ...empty(file, bytes.length), workbook: format };
  let wb;
  try {
    const { previewWorkbook } = await import('@fixops/ingest/workbook-preview');
    wb = previewWorkbook(file, bytes, format, { rows: opts.rows ?? 5 });
  } catch (e) {
    return { ...out, problem: asProblem(e) };
  }
  Object.assign(out, { sheet: wb.sheet, titleRows: wb.titleRows, headers: wb.headers, rows: wb.rows });
  if (wb.problem) return { ...out, problem: wb.problem };
  detect(out, file);
  return out;
}

/** Reads the start of a browser File (a workbook: all of it) and previews it. */
export async function previewFile(file: File, opts: Omit<PreviewOptions, 'size'> = {}): Promise<FilePreview> {
  const sample = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
  const format = workbookFormat(sample);
  if (format) return { ...(await previewWorkbookBytes(file.name, new Uint8Array(await file.arrayBuffer()), format, opts)), size: file.size };
  return previewBytes(file.name, sample, { ...opts, size: file.size });
}

/** A sample row the server would reject: its line in the file, the column and value, and why. */
export interface SampleProblem {
  /** 1-based line in the file (the sheet's row for a workbook). */
  line: number;
  /** The column by its name for people (工单号 / RO number), the header as written beside it when it differs. */
  column: Message;
  value: string | null;
  code: string;
  reason: Message;
}

/**
 * The previewed rows the ingest would reject, by its own rules. `dealer` is the dealer the
 * upload names (an empty dealer code is then fine, another one is a mismatch).
 */
export function sampleProblems(p: FilePreview, dealer?: string): SampleProblem[] {
  if (!p.mapping || p.problem) return [];
  const width = p.headers.length;
  return p.rows.flatMap((row, i) => {
    const x = checkRow(p.mapping!, row, width, dealer ? { dealer } : {});
    if (!x) return [];
    const name = x.field ? fieldName(x.field) : { zh: '整行', en: 'whole row' };
    const column = { zh: x.column && x.column !== name.zh ? `${name.zh}（${x.column}）` : name.zh, en: x.column && x.column !== name.en ? `${name.en} (${x.column})` : name.en };
    return [{ line: p.titleRows + 2 + i, column, value: x.value, code: x.code, reason: reasonFor(x.code, x.value, { dealer, headerFields: width }) }];
  });
}
