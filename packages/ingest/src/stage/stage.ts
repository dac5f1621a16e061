// Reads the (UTF-8) file into a temporary table with DuckDB's own CSV reader: every column
// as text, personal-data columns never read. Row order is file order (rowid = record index).

import type { DuckDBConnection } from '@duckdb/node-api';
import { quotedString } from '@fixops/db';
import type { ColumnMapping } from '../detect/headers.js';
import type { PreparedFile } from '../read/prepare.js';

export const STAGE_TABLE = 'fx_stage';

/** Column positions read into the stage table: everything but personal data. */
export function stagedIndexes(mapping: ColumnMapping): number[] {
  return [...mapping.mapped.map((m) => m.index), ...mapping.ignored.map((i) => i.index)].sort((a, b) => a - b);
}

export async function stageFile(connection: DuckDBConnection, prepared: PreparedFile, mapping: ColumnMapping): Promise<number> {
  const width = Math.max(prepared.headers.length, prepared.index.headerFields);
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const keep = stagedIndexes(mapping).map((i) => `c${i}`).join(', ');
  // Short rows need NULL padding, which DuckDB's parallel reader cannot combine with quoted line breaks.
  const pad = prepared.index.shortRecords > 0;
  const parallel = !(pad && prepared.index.quotedLineBreaks);
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ${STAGE_TABLE} AS
    SELECT ${keep} FROM read_csv(${quotedString(prepared.utf8Path)},
      columns = {${columns}}, header = true, auto_detect = false,
      delim = ${quotedString(prepared.separator)}, quote = '"', escape = '"',
      null_padding = ${pad}, parallel = ${parallel}, strict_mode = false, max_line_size = 16777216)`);
  const reader = await connection.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${STAGE_TABLE}`);
  return Number(reader.getRowObjects()[0]!.n);
}
