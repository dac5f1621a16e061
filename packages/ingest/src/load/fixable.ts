// Rejected rows given back to be fixed: the line number and the reason (in the reader's
// language), then the file's own columns with its own headers and cell values, so the file can
// be corrected in Excel and uploaded again (the two extra columns are ignored then: they name no
// column of any kind). Values are as the file had them; a personal-data column stays masked
// (***), as it is never stored, and the ingest drops it anyway. A row whose field count differed
// from the header's has no cells (its raw text was not kept). Loads stored before the header was
// kept give the columns the log has: column, value, raw text.

import type { DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { queryJson } from '@fixops/db';
import type { CsvCell, Lang } from '@fixops/shared';
import { csvLine } from '@fixops/shared';
import { reasonIn } from '../rules/reasons.js';
import { HEADER_ROW_NO } from './loadLog.js';
import { streamRejects, type RejectsOptions, type StoredReject } from './history.js';

/**
 * A file that starts with the download's two columns (行号, 原因 or Line, Reason) is a corrections
 * file: its rows add to what is stored (each replacing the stored row with the same key) instead
 * of replacing whole months, so the fixed rejected rows load beside the rows that loaded before.
 */
export function isCorrectionsFile(headers: readonly string[]): boolean {
  const [a, b] = headers.map((h) => h.trim());
  return (a === WORDS.line.zh && b === WORDS.reason.zh) || (a === WORDS.line.en && b === WORDS.reason.en);
}

export interface FixableHeader {
  /** Column titles: line, reason, then the file's headers (or column, value, raw text). */
  columns: string[];
  /** The file's own headers were kept: cells are the file's columns. */
  original: boolean;
}

const WORDS = {
  line: { zh: '行号', en: 'Line' },
  reason: { zh: '原因', en: 'Reason' },
  column: { zh: '列', en: 'Column' },
  value: { zh: '值', en: 'Value' },
  raw: { zh: '原始内容', en: 'Raw text' },
} as const;

/** The file's header kept beside the rejected rows, or null (older loads, no rejected rows). */
export async function originalHeader(connection: DuckDBConnection, loadId: number): Promise<{ headers: string[]; separator: string } | null> {
  const [row] = await queryJson<{ sep: string | null; raw: string | null }>(connection,
    `SELECT value AS sep, raw_text AS raw FROM rejected_rows WHERE load_id = $id AND row_no = ${HEADER_ROW_NO} LIMIT 1`, { id: loadId });
  if (!row?.raw || !row.sep) return null;
  return { headers: JSON.parse(row.raw) as string[], separator: row.sep };
}

/** A value that reads as a plain number is written as a number (no formula guard needed, and it re-imports as it was). */
function cell(text: string): CsvCell {
  return /^-?\d{1,15}(\.\d{1,6})?$/.test(text) && String(Number(text)) === text ? Number(text) : text;
}

/** The rows of the fixable download: [line, reason, …cells] per rejected row, chunk by chunk. */
export async function* fixableRows(connection: DuckDBConnection, loadId: number, header: { headers: string[]; separator: string } | null, opts: RejectsOptions & { lang: Lang }): AsyncGenerator<CsvCell[][]> {
  for await (const chunk of streamRejects(connection, loadId, opts)) {
    yield chunk.map((r) => fixableRow(r, header, opts.lang));
  }
}

export function fixableRow(r: StoredReject, header: { headers: string[]; separator: string } | null, lang: Lang): CsvCell[] {
  const reason = reasonIn(r.reason, lang);
  if (!header) return [r.row, reason, r.column, r.value, r.rawText];
  const fields = r.rawText ? (Papa.parse<string[]>(r.rawText, { delimiter: header.separator, preview: 1 }).data[0] ?? []) : [];
  return [r.row, reason, ...header.headers.map((_, i) => (fields[i] === undefined ? null : cell(fields[i])))];
}

export function fixableHeader(header: { headers: string[] } | null, lang: Lang): FixableHeader {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  return header
    ? { columns: [w('line'), w('reason'), ...header.headers], original: true }
    : { columns: [w('line'), w('reason'), w('column'), w('value'), w('raw')], original: false };
}

/** The fixable download as CSV, streamed: the header line, then one piece per chunk (formula cells neutralised, plain numbers as numbers). */
export async function* fixableRejectsCsv(connection: DuckDBConnection, loadId: number, opts: RejectsOptions & { lang: Lang; newline?: string }): AsyncGenerator<string> {
  const newline = opts.newline ?? '\r\n';
  const header = await originalHeader(connection, loadId);
  yield csvLine(fixableHeader(header, opts.lang).columns) + newline;
  for await (const rows of fixableRows(connection, loadId, header, opts)) yield rows.map((r) => csvLine(r) + newline).join('');
}
