// Every workbook Fixops gives back (KPIs, flags, benchmarks, scorecards, coverage, rejected
// rows, the load log) goes through here, so each one looks the same in Excel, WPS and
// LibreOffice: a title line saying what and when, the header row in the reader's language,
// frozen and filterable, real numbers with number formats (percent, ¥ with thousands, dates as
// date cells), columns as wide as their text (a CJK character counts double), NULL as an empty
// cell, and every text cell neutralised exactly as the CSV writer does (= + - @, tab, CR get a
// leading '). Written with exceljs's streaming writer, so a big table never sits in memory
// as a workbook. Node only: imported as `@fixops/shared/xlsx`, never by the browser.

import { PassThrough, type Readable, type Writable } from 'node:stream';
// Only the streaming writer, not the package's entry: the entry also loads the workbook reader,
// the CSV parser and their dependencies, which triples the start-up cost of an export command.
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import type { Message } from './errors.js';
import type { Lang } from './lang.js';
import { neutralizeFormula } from './csv.js';

/** How a column's values are written: text, or a number cell with a format, or a date cell. */
export type XlsxType = 'text' | 'integer' | 'number' | 'percent' | 'money' | 'date' | 'datetime' | 'month';

/** A value as given: a text, a number (percent: a share 0..1), a date ('YYYY-MM-DD…' text or Date), NULL. */
export type XlsxValue = string | number | bigint | boolean | Date | null | undefined;

/** A value whose type differs from its column's (a flag's value is a rate or money by its KPI). */
export interface XlsxTyped {
  value: XlsxValue;
  type: XlsxType;
}

export type XlsxCell = XlsxValue | XlsxTyped;

export interface XlsxColumn {
  zh: string;
  en: string;
  type: XlsxType;
}

export interface XlsxTable {
  /** What the table holds ("进厂台次等指标" / "KPI values"). */
  title: Message;
  /** What it was cut to, after the title: a dealer, a month range, a load… */
  details?: readonly string[];
  /** The sheet's name (default: the title), cut to Excel's 31 characters. */
  sheet?: Message;
  columns: readonly XlsxColumn[];
  rows: Iterable<readonly XlsxCell[]> | AsyncIterable<readonly XlsxCell[]>;
}

export interface XlsxOptions {
  lang: Lang;
  /** When the title says it was exported (default: now), written in this process's local time. */
  exportedAt?: Date;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Number formats by type (dates are date cells with a date format; text has none). */
export const XLSX_NUMBER_FORMATS: Readonly<Record<XlsxType, string | undefined>> = {
  text: undefined,
  month: undefined,
  integer: '#,##0',
  number: 'General',
  percent: '0.0%',
  money: '¥#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** Rows measured for the column widths before the first row is written. */
const WIDTH_SAMPLE = 500;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Excel's limit for one cell's text. */
const MAX_TEXT = 32_767;
// Characters XML 1.0 cannot carry (a raw DMS line may hold them): dropped, or the file would not open.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01 14:00" in this process's local time. */
function stamp(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The title line: "进厂台次等指标 · BJ001 · 2025-01 – 2025-12 · 导出于 2026-12-01 14:00". */
export function xlsxTitle(table: Pick<XlsxTable, 'title' | 'details'>, opts: XlsxOptions): string {
  const when = `${opts.lang === 'en' ? 'exported' : '导出于'} ${stamp(opts.exportedAt ?? new Date())}`;
  return [opts.lang === 'en' ? table.title.en : table.title.zh, ...(table.details ?? []), when].join(' · ');
}

/** Text as a cell holds it: formula starts neutralised as in CSV, XML-illegal characters dropped. */
export function xlsxText(text: string): string {
  return neutralizeFormula(text.replace(XML_ILLEGAL, '').slice(0, MAX_TEXT));
}

/** 'YYYY-MM-DD' or 'YYYY-MM-DD[ T]hh:mm[:ss]' read as a wall-clock time (a date cell shows exactly it). */
function toDate(value: string | Date): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}

const isTyped = (cell: XlsxCell): cell is XlsxTyped => typeof cell === 'object' && cell !== null && !(cell instanceof Date);

/** One value as exceljs writes it for its type: a number, a Date, a boolean, text, or null (an empty cell). */
function cellValue(value: XlsxValue, type: XlsxType): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (type === 'date' || type === 'datetime') {
    const date = toDate(value);
    if (date) return date;
  }
  return value instanceof Date ? value : xlsxText(value);
}

/** Display width in Excel's character units: CJK and full-width characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** What a value shows as, for measuring its column. */
function shownWidth(value: string | number | boolean | Date | null, type: XlsxType): number {
  if (value === null) return 0;
  if (value instanceof Date) return type === 'datetime' ? 19 : 10;
  if (typeof value === 'number') {
    if (type === 'percent') return `${(value * 100).toFixed(1)}%`.length;
    if (type === 'money') return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).length + 1;
    if (type === 'integer') return value.toLocaleString('en-US').length;
    return String(Number(value.toPrecision(10))).length;
  }
  return Math.max(...String(value).split('\n').map(displayWidth));
}

async function* rowsOf(rows: XlsxTable['rows']): AsyncGenerator<readonly XlsxCell[]> {
  for await (const row of rows as AsyncIterable<readonly XlsxCell[]>) yield row;
}

/** A sheet name Excel accepts: none of []:*?/\ and at most 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

/**
 * Writes `table` as an .xlsx workbook to `out` (a file or HTTP stream) and resolves when the
 * last byte is handed to it. Rows are written and committed one by one.
 */
export async function writeXlsx(table: XlsxTable, out: Writable, opts: XlsxOptions): Promise<{ rows: number }> {
  const { lang } = opts;
  const columns = table.columns;
  // Listen first: a target that fails to open (a missing folder) fails the write, never the process.
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('close', resolve);
    out.once('error', reject);
  });
  finished.catch(() => undefined);
  const workbook = new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Fixops';
  workbook.created = opts.exportedAt ?? new Date();
  const name = table.sheet ?? table.title;
  const sheet = workbook.addWorksheet(sheetName(lang === 'en' ? name.en : name.zh), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
  });

  const header = columns.map((c) => xlsxText(lang === 'en' ? c.en : c.zh));
  // Measure the widths on the first rows (kept, then written first).
  const source = rowsOf(table.rows);
  const sample: (readonly XlsxCell[])[] = [];
  const widths = header.map((h) => displayWidth(h) + 2); // room for the filter button
  while (sample.length < WIDTH_SAMPLE) {
    const next = await source.next();
    if (next.done) break;
    sample.push(next.value);
    next.value.forEach((cell, i) => {
      const col = columns[i];
      if (!col) return;
      const type = isTyped(cell) ? cell.type : col.type;
      widths[i] = Math.max(widths[i] ?? 0, shownWidth(cellValue(isTyped(cell) ? cell.value : cell, type), type));
    });
  }
  sheet.columns = columns.map((c, i) => ({
    // + half a character of margin (and never exactly 9, which exceljs takes for "no width").
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[i] ?? 0) + 1)) + 0.5,
    ...(XLSX_NUMBER_FORMATS[c.type] ? { style: { numFmt: XLSX_NUMBER_FORMATS[c.type] } } : {}),
  }));

  const title = sheet.addRow([xlsxText(xlsxTitle(table, opts))]);
  title.getCell(1).numFmt = '@';
  title.font = { bold: true, size: 12 };
  title.commit();
  const head = sheet.addRow(header);
  head.eachCell((cell) => {
    cell.numFmt = '@';
  });
  head.font = { bold: true };
  head.commit();
  if (columns.length > 0) sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };

  let count = 0;
  const write = (row: readonly XlsxCell[]) => {
    const types = columns.map((c, i) => {
      const cell = row[i];
      return isTyped(cell) ? cell.type : c.type;
    });
    const values = columns.map((_, i) => {
      const cell = row[i];
      return cellValue(isTyped(cell) ? cell.value : cell, types[i]!);
    });
    const added = sheet.addRow(values);
    values.forEach((v, i) => {
      const cell = added.getCell(i + 1);
      if (typeof v === 'string') cell.numFmt = '@';
      else if (isTyped(row[i])) {
        const fmt = XLSX_NUMBER_FORMATS[types[i]!];
        if (fmt) cell.numFmt = fmt;
      }
    });
    added.commit();
    count++;
  };
  for (const row of sample) write(row);
  for await (const row of source) write(row);
  sheet.commit();
  await Promise.race([workbook.commit(), finished]);
  await finished;
  return { rows: count };
}

/** The workbook as a stream (an HTTP body): an error while writing destroys it. */
export function xlsxReadable(table: XlsxTable, opts: XlsxOptions): Readable {
  const body = new PassThrough();
  writeXlsx(table, body, opts).catch((e: unknown) => body.destroy(e instanceof Error ? e : new Error(String(e))));
  return body;
}

/** The workbook's bytes, all at once (a remote command returns them to the CLI). */
export async function xlsxBytes(table: XlsxTable, opts: XlsxOptions): Promise<Buffer> {
  const body = new PassThrough();
  const chunks: Buffer[] = [];
  body.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(table, body, opts);
  return Buffer.concat(chunks);
}
