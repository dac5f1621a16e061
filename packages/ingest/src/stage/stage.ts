// Reads the (UTF-8) file into a temporary table with DuckDB's own CSV reader: every column
// as text, personal-data columns never read, rows in file order (rowid = record index).
// Empty fields read as NULL.

import type { DuckDBConnection } from '@duckdb/node-api';
import { quotedString } from '@fixops/db';
import type { ColumnMapping } from '../detect/headers.js';
import type { Separator } from '../detect/separator.js';

export const STAGE_TABLE = 'fx_stage';

/**
 * Longest record read (16 MiB). The read buffer is set to the same size: DuckDB's default is
 * 16 times max_line_size (256 MiB per buffer), more than a small memory limit can hold.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Column positions read: everything but personal data. */
export function stagedIndexes(mapping: ColumnMapping): number[] {
  return [...mapping.mapped.map((m) => m.index), ...mapping.ignored.map((i) => i.index)].sort((a, b) => a - b);
}

export interface StageInput {
  utf8Path: string;
  separator: Separator;
  /** Number of columns in the header. */
  width: number;
  /** Lines above the header (title lines, blank ones included), skipped. */
  skipLines?: number;
}

/**
 * One column more than the header: it holds the first extra field of a row with too many
 * fields (a separator inside an unquoted value), which DuckDB would otherwise drop silently.
 */
export function overflowColumn(width: number): string {
  return `c${width}`;
}

/** Returns the number of records read. */
export async function stageFile(connection: DuckDBConnection, input: StageInput, mapping: ColumnMapping): Promise<number> {
  try {
    await stage(connection, input, mapping, true);
  } catch (e) {
    // DuckDB's parallel reader cannot pad short rows in files with quoted line breaks.
    if (!/parallel scanner does not support null_padding/i.test((e as Error).message)) throw e;
    await stage(connection, input, mapping, false);
  }
  const reader = await connection.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${STAGE_TABLE}`);
  return Number(reader.getRowObjects()[0]!.n);
}

async function stage(connection: DuckDBConnection, input: StageInput, mapping: ColumnMapping, parallel: boolean): Promise<void> {
  const columns = Array.from({ length: input.width + 1 }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const keep = [...stagedIndexes(mapping).map((i) => `c${i}`), overflowColumn(input.width)].join(', ');
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ${STAGE_TABLE} AS
    SELECT ${keep} FROM read_csv(${quotedString(input.utf8Path)},
      columns = {${columns}}, header = true, auto_detect = false, skip = ${input.skipLines ?? 0},
      delim = ${quotedString(input.separator)}, quote = '"', escape = '"',
      null_padding = true, parallel = ${parallel}, strict_mode = false,
      max_line_size = ${MAX_LINE_BYTES}, buffer_size = ${MAX_LINE_BYTES})`);
}
