// Every CSV Fixops writes (rejected rows, benchmarks, scorecards) goes through here, so every
// download quotes the same way (RFC 4180) and none can carry a spreadsheet formula: a text cell
// that begins with = + - @, a tab or a carriage return gets a leading ' (Excel, WPS and
// LibreOffice then show it as text). Numbers we computed are passed as JS numbers and written
// as numbers, so a gap of -0.05 stays a number; the same text from a user is neutralised.
// Node-free: the dashboard builds its benchmark CSV in the browser with it.

/** A cell: text is neutralised and quoted; numbers and booleans are written as they are; null/undefined is empty. */
export type CsvCell = string | number | bigint | boolean | null | undefined;

export interface CsvOptions {
  /** Line ending, default "\r\n" (RFC 4180). */
  newline?: '\r\n' | '\n';
  /** Start with a UTF-8 byte-order mark, so Excel opens Chinese text (default false). */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^ | $/;

/** Text that a spreadsheet would run as a formula, made inert with a leading apostrophe. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell as CSV text: formulas neutralised, quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'bigint' || typeof cell === 'boolean') return String(cell);
  const text = neutralizeFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line from its cells, without the line ending. */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole CSV document (each line ended, BOM first when asked). */
export function csvText(rows: Iterable<readonly CsvCell[]>, opts: CsvOptions = {}): string {
  const nl = opts.newline ?? '\r\n';
  let out = opts.bom ? '\uFEFF' : '';
  for (const row of rows) out += `${csvLine(row)}${nl}`;
  return out;
}

/**
 * The CSV one chunk per line, for streaming a download (`Readable.from(csvChunks(rows))`) or
 * writing to stdout without building the file in memory.
 */
export async function* csvChunks(rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>, opts: CsvOptions = {}): AsyncGenerator<string> {
  const nl = opts.newline ?? '\r\n';
  if (opts.bom) yield '\uFEFF';
  for await (const row of rows) yield `${csvLine(row)}${nl}`;
}

/**
 * Records as rows: the first record's keys as the header, then each record's values in that
 * order (what a spreadsheet wants from a list of objects). No records, no rows.
 */
export function recordRows(records: readonly Record<string, CsvCell>[]): CsvCell[][] {
  const first = records[0];
  if (first === undefined) return [];
  const fields = Object.keys(first);
  return [fields, ...records.map((r) => fields.map((f) => r[f]))];
}
