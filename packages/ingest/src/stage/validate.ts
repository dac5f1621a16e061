// Turns the staged text into typed rows in DuckDB SQL, no JS loop per row: cleans values,
// converts timestamps, money, integers and enums, marks blank and totals rows and the first
// problem of every bad row. Exact duplicates and conflicting keys are then found among the
// few rows that share a key (a 64-bit hash of the raw row stands for its content).

import type { DuckDBConnection } from '@duckdb/node-api';
import { KINDS } from '../kinds/catalog.js';
import type { ColumnSpec, ColumnType } from '../kinds/types.js';
import type { ColumnMapping } from '../detect/headers.js';
import { MACROS_SQL } from '../sql/macros.js';
import { overflowColumn, STAGE_TABLE, stagedIndexes } from './stage.js';

export const ROWS_TABLE = 'fx_rows';
export const DUPS_TABLE = 'fx_dups';

const SQL_TYPE: Record<ColumnType, string> = {
  text: 'VARCHAR', vin: 'VARCHAR', dealer: 'VARCHAR', timestamp: 'TIMESTAMP', money: 'DOUBLE', integer: 'BIGINT', repair_type: 'VARCHAR', booking_status: 'VARCHAR',
};

const isTyped = (t: ColumnType) => t === 'timestamp' || t === 'money' || t === 'integer';

/** `raw` is the column as read; typed converters trim only when their fast path fails. */
function converted(spec: ColumnSpec, raw: string): string {
  switch (spec.type) {
    case 'vin': return `upper(fx_clean(${raw}))`;
    case 'timestamp': return `fx_ts(${raw})`;
    case 'money': return `fx_money(${raw})`;
    case 'integer': return `fx_int(${raw})`;
    case 'repair_type': return `coalesce(e_${spec.name}.canon, 'unclassified')`;
    case 'booking_status': return `e_${spec.name}.canon`;
    default: return `fx_clean(${raw})`;
  }
}

const problem = (column: string, code: string, value: string) => `{'column': '${column}', 'code': '${code}', 'value': ${value}}`;

/** The column whose equal values make two rows candidates for "duplicate" or "conflict". */
export function dedupeKey(kind: ColumnMapping['kind']): string {
  return KINDS[kind].key ?? 'vin';
}

export interface ValidateOptions {
  /** Dealer named by the upload (--dealer); rows must agree with it. */
  dealer?: string;
  /** Number of columns in the header. */
  width: number;
}

export async function validateFile(connection: DuckDBConnection, mapping: ColumnMapping, opts: ValidateOptions): Promise<void> {
  const kind = KINDS[mapping.kind];
  const staged = stagedIndexes(mapping).map((i) => `c${i}`);
  const byName = new Map(mapping.mapped.map((m) => [m.spec.name, m]));

  const typed: string[] = [];
  const joins: string[] = [];
  const overflow = overflowColumn(opts.width);
  const checks: string[] = [`WHEN ${overflow} IS NOT NULL THEN ${problem('', 'too_many_fields', 'NULL')}`];
  for (const spec of kind.columns) {
    const m = byName.get(spec.name);
    const raw = m ? `c${m.index}` : 'NULL';
    const name = spec.name;
    if (spec.type === 'dealer') {
      if (opts.dealer !== undefined) {
        typed.push(`coalesce(fx_clean(${raw}), $dealer) AS dealer_code`);
        if (m) checks.push(`WHEN dealer_code <> $dealer THEN ${problem('dealer_code', 'dealer_mismatch', 'dealer_code')}`);
      } else {
        typed.push(`fx_clean(${raw}) AS dealer_code`);
        checks.push(`WHEN dealer_code IS NULL THEN ${problem('dealer_code', 'required', 'NULL')}`);
      }
      continue;
    }
    typed.push(m ? `${converted(spec, raw)} AS ${name}` : `NULL::${SQL_TYPE[spec.type]} AS ${name}`);
    if (spec.type === 'repair_type' || spec.type === 'booking_status') typed.push(`fx_clean(${raw}) AS ${name}_raw`);
    if (!m) continue;
    if (spec.type === 'repair_type' || spec.type === 'booking_status') {
      const table = spec.type === 'repair_type' ? 'fx_repair_types' : 'fx_booking_statuses';
      joins.push(`LEFT JOIN ${table} e_${name} ON e_${name}.raw = lower(fx_clean(${raw}))`);
    }
    const required = spec.required === 'yes' && !spec.emptyAllowed;
    if (isTyped(spec.type)) {
      if (required) checks.push(`WHEN ${name} IS NULL AND fx_clean(${raw}) IS NULL THEN ${problem(name, 'required', 'NULL')}`);
      checks.push(`WHEN ${name} IS NULL AND fx_clean(${raw}) IS NOT NULL THEN ${problem(name, `bad_${spec.type}`, `fx_clean(${raw})`)}`);
      if (spec.type === 'integer') checks.push(`WHEN ${name} < 0 THEN ${problem(name, 'negative', `fx_clean(${raw})`)}`);
    } else if (spec.type === 'booking_status') {
      checks.push(`WHEN ${name}_raw IS NULL THEN ${problem(name, 'required', 'NULL')}`);
      checks.push(`WHEN ${name} IS NULL THEN ${problem(name, 'bad_booking_status', `${name}_raw`)}`);
    } else if (required) {
      checks.push(`WHEN ${name} IS NULL THEN ${problem(name, 'required', 'NULL')}`);
    }
  }
  if (kind.monthFrom) typed.push(`date_trunc('month', ${kind.monthFrom})::DATE AS month`);

  const values = staged.join(', ');
  const notNumberish = staged.map((c) => `(NOT fx_numberish(fx_clean(${c})))::INTEGER`).join(' + ');
  const key = dedupeKey(mapping.kind);

  await connection.run(MACROS_SQL);
  // Rows carry their own order (ord) from here on, so DuckDB need not keep insertion order
  // (the ingest resets this when the load ends).
  await connection.run('SET preserve_insertion_order = false');
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ${ROWS_TABLE} AS
    WITH b AS (
      SELECT s.*, s.rowid AS ord,
        CASE WHEN coalesce(${values}) IS NULL THEN true
             WHEN fx_clean(coalesce(${values})) IS NOT NULL THEN false
             ELSE fx_clean(concat(${values})) IS NULL END AS blank,
        CASE WHEN fx_totals_label(fx_clean(coalesce(${values}))) THEN (${notNumberish}) = 1 ELSE false END AS totals,
        hash(${values}) AS row_hash,
        ${typed.join(',\n        ')}
      FROM ${STAGE_TABLE} s ${joins.join(' ')}
    ), c AS (
      SELECT b.* EXCLUDE (${values}, ${overflow}), CASE ${checks.join('\n          ')} ELSE NULL END AS problem FROM b
    )
    SELECT * FROM c`,
    opts.dealer !== undefined ? { dealer: opts.dealer } : undefined);
  await connection.run(`DROP TABLE IF EXISTS temp.${STAGE_TABLE}`);

  // Rows sharing (dealer, key): identical content ⇒ duplicates (first kept); different content ⇒ conflict (all rejected).
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ${DUPS_TABLE} AS
    WITH shared AS (
      -- candidates by a hash of (dealer, key): one BIGINT to group is far cheaper than two strings
      SELECT hash(dealer_code, ${key}) AS h FROM ${ROWS_TABLE} WHERE NOT blank AND NOT totals GROUP BY ALL HAVING count(*) > 1
    ), c AS (
      SELECT ord, dealer_code, ${key} AS k, row_hash,
        row_number() OVER (PARTITION BY dealer_code, ${key}, row_hash ORDER BY ord) AS dup_rank
      FROM ${ROWS_TABLE} r SEMI JOIN shared ON hash(r.dealer_code, r.${key}) = shared.h
      WHERE NOT blank AND NOT totals
    )
    SELECT ord, dup_rank,
      k IS NOT NULL AND dealer_code IS NOT NULL AND count(*) FILTER (WHERE dup_rank = 1) OVER (PARTITION BY dealer_code, k) > 1 AS conflict
    FROM c`);
}

/** Every row with its duplicate rank and conflict flag (1 / false for rows that share no key). */
export const ROWS = `(SELECT r.*, coalesce(d.dup_rank, 1) AS dup_rank, coalesce(d.conflict, false) AS conflict
  FROM ${ROWS_TABLE} r LEFT JOIN ${DUPS_TABLE} d USING (ord))`;

export const GOOD = 'NOT blank AND NOT totals AND dup_rank = 1 AND problem IS NULL AND NOT conflict';
export const REJECTED = 'NOT blank AND NOT totals AND dup_rank = 1 AND (problem IS NOT NULL OR conflict)';

export interface RowCounts {
  staged: number;
  data: number;
  skipped: number;
  duplicate: number;
  rejected: number;
  loaded: number;
}

export async function countRows(connection: DuckDBConnection): Promise<RowCounts> {
  const reader = await connection.runAndReadAll(`
    SELECT count(*)::BIGINT AS staged,
      count(*) FILTER (WHERE NOT blank AND NOT totals)::BIGINT AS data,
      count(*) FILTER (WHERE totals)::BIGINT AS skipped,
      count(*) FILTER (WHERE NOT blank AND NOT totals AND dup_rank > 1)::BIGINT AS duplicate,
      count(*) FILTER (WHERE ${REJECTED})::BIGINT AS rejected,
      count(*) FILTER (WHERE ${GOOD})::BIGINT AS loaded
    FROM ${ROWS}`);
  const r = reader.getRowObjects()[0]!;
  return {
    staged: Number(r.staged), data: Number(r.data), skipped: Number(r.skipped),
    duplicate: Number(r.duplicate), rejected: Number(r.rejected), loaded: Number(r.loaded),
  };
}
