// Turns the staged text into typed rows in one DuckDB statement: cleans every value,
// converts timestamps, money, integers and enums, marks blank and totals rows, exact
// duplicates, conflicting keys, and the first problem of every bad row. No JS loop per row.

import type { DuckDBConnection } from '@duckdb/node-api';
import { KINDS } from '../kinds/catalog.js';
import type { ColumnSpec, ColumnType } from '../kinds/types.js';
import type { ColumnMapping } from '../detect/headers.js';
import { MACROS_SQL } from '../sql/macros.js';
import { STAGE_TABLE, stagedIndexes } from './stage.js';

export const ROWS_TABLE = 'fx_rows';
export const SHAPE_TABLE = 'fx_shape';

const SQL_TYPE: Record<ColumnType, string> = {
  text: 'VARCHAR', vin: 'VARCHAR', dealer: 'VARCHAR', timestamp: 'TIMESTAMP', money: 'DOUBLE', integer: 'BIGINT', repair_type: 'VARCHAR', booking_status: 'VARCHAR',
};

function converted(spec: ColumnSpec, v: string): string {
  switch (spec.type) {
    case 'vin': return `upper(${v})`;
    case 'timestamp': return `fx_ts(${v})`;
    case 'money': return `fx_money(${v})`;
    case 'integer': return `fx_int(${v})`;
    case 'repair_type': return `fx_repair_type(${v})`;
    case 'booking_status': return `fx_booking_status(${v})`;
    default: return v;
  }
}

const problem = (column: string, code: string, value: string) => `{'column': '${column}', 'code': '${code}', 'value': ${value}}`;

export interface ValidateOptions {
  /** Dealer named by the upload (--dealer); rows must agree with it. */
  dealer?: string;
  /** Records with more (non-empty) fields than the header, from the scanner. */
  tooManyFields: ReadonlyMap<number, number>;
}

export async function validateStaged(connection: DuckDBConnection, mapping: ColumnMapping, opts: ValidateOptions): Promise<void> {
  const kind = KINDS[mapping.kind];
  const staged = stagedIndexes(mapping);
  const v = (i: number) => `v${i}`;
  const byName = new Map(mapping.mapped.map((m) => [m.spec.name, m]));

  const typed: string[] = [];
  const checks: string[] = [`WHEN shape_fields IS NOT NULL THEN ${problem('', 'too_many_fields', 'shape_fields::VARCHAR')}`];
  for (const spec of kind.columns) {
    const m = byName.get(spec.name);
    const raw = m ? v(m.index) : 'NULL';
    if (spec.type === 'dealer') {
      if (opts.dealer !== undefined) {
        typed.push(`coalesce(${raw}, $dealer) AS dealer_code`);
        if (m) checks.push(`WHEN ${raw} IS NOT NULL AND ${raw} <> $dealer THEN ${problem('dealer_code', 'dealer_mismatch', raw)}`);
      } else {
        typed.push(`${raw} AS dealer_code`);
        checks.push(`WHEN ${raw} IS NULL THEN ${problem('dealer_code', 'required', 'NULL')}`);
      }
      continue;
    }
    typed.push(m ? `${converted(spec, raw)} AS ${spec.name}` : `NULL::${SQL_TYPE[spec.type]} AS ${spec.name}`);
    if (spec.type === 'repair_type' || spec.type === 'booking_status') typed.push(`${raw} AS ${spec.name}_raw`);
    if (!m) continue;
    if (spec.required === 'yes' && !spec.emptyAllowed) checks.push(`WHEN ${raw} IS NULL THEN ${problem(spec.name, 'required', 'NULL')}`);
    if (spec.type === 'timestamp' || spec.type === 'money' || spec.type === 'integer' || spec.type === 'booking_status') {
      checks.push(`WHEN ${raw} IS NOT NULL AND ${spec.name} IS NULL THEN ${problem(spec.name, `bad_${spec.type}`, raw)}`);
    }
    if (spec.type === 'integer') checks.push(`WHEN ${spec.name} < 0 THEN ${problem(spec.name, 'negative', raw)}`);
  }
  if (kind.monthFrom) typed.push(`date_trunc('month', ${kind.monthFrom})::DATE AS month`);

  const allValues = staged.map(v);
  const notNumberish = staged.map((i) => `(NOT fx_numberish(${v(i)}))::INTEGER`).join(' + ');
  const key = kind.key;
  const conflict = key
    ? `CASE WHEN NOT blank AND NOT totals AND dup_rank = 1 AND ${key} IS NOT NULL AND dealer_code IS NOT NULL
        THEN count(*) FILTER (WHERE NOT blank AND NOT totals AND dup_rank = 1) OVER (PARTITION BY dealer_code, ${key}) > 1 ELSE false END`
    : 'false';

  await connection.run(MACROS_SQL);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${SHAPE_TABLE} (ord BIGINT, fields INTEGER)`);
  if (opts.tooManyFields.size > 0) {
    const appender = await connection.createAppender(SHAPE_TABLE, 'main', 'temp');
    for (const [ord, fields] of opts.tooManyFields) {
      appender.appendBigInt(BigInt(ord));
      appender.appendInteger(fields);
      appender.endRow();
    }
    appender.closeSync();
  }
  const sql = `
    CREATE OR REPLACE TEMP TABLE ${ROWS_TABLE} AS
    WITH a AS (
      SELECT s.rowid AS ord, ${staged.map((i) => `fx_clean(c${i}) AS ${v(i)}`).join(', ')} FROM ${STAGE_TABLE} s
    ), b AS (
      SELECT a.*, shape.fields AS shape_fields,
        coalesce(${allValues.join(', ')}) IS NULL AS blank,
        CASE WHEN fx_totals_label(coalesce(${allValues.join(', ')})) THEN (${notNumberish}) = 1 ELSE false END AS totals,
        ${typed.join(',\n        ')}
      FROM a LEFT JOIN ${SHAPE_TABLE} shape USING (ord)
    ), c AS (
      SELECT b.*,
        CASE ${checks.join('\n          ')} ELSE NULL END AS problem,
        row_number() OVER (PARTITION BY blank OR totals, ${allValues.join(', ')} ORDER BY ord) AS dup_rank
      FROM b
    )
    SELECT c.*, ${conflict} AS conflict FROM c`;
  await connection.run(sql, opts.dealer !== undefined ? { dealer: opts.dealer } : undefined);
}

export interface RowCounts {
  staged: number;
  data: number;
  skipped: number;
  duplicate: number;
  rejected: number;
  loaded: number;
}

export const GOOD = 'NOT blank AND NOT totals AND dup_rank = 1 AND problem IS NULL AND NOT conflict';
export const REJECTED = 'NOT blank AND NOT totals AND dup_rank = 1 AND (problem IS NOT NULL OR conflict)';

export async function countRows(connection: DuckDBConnection): Promise<RowCounts> {
  const reader = await connection.runAndReadAll(`
    SELECT count(*)::BIGINT AS staged,
      count(*) FILTER (WHERE NOT blank AND NOT totals)::BIGINT AS data,
      count(*) FILTER (WHERE totals)::BIGINT AS skipped,
      count(*) FILTER (WHERE NOT blank AND NOT totals AND dup_rank > 1)::BIGINT AS duplicate,
      count(*) FILTER (WHERE ${REJECTED})::BIGINT AS rejected,
      count(*) FILTER (WHERE ${GOOD})::BIGINT AS loaded
    FROM ${ROWS_TABLE}`);
  const r = reader.getRowObjects()[0]!;
  return {
    staged: Number(r.staged), data: Number(r.data), skipped: Number(r.skipped),
    duplicate: Number(r.duplicate), rejected: Number(r.rejected), loaded: Number(r.loaded),
  };
}
