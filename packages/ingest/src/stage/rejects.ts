// Rejected rows as the user needs them: line number, the column (as headed in the file),
// the value, the reason, the dealer the row names, and the raw text of the record — with
// personal-data fields masked by their header's name, since those are never stored. A record
// whose field count differs from the header's cannot be masked reliably (a value may have
// shifted into another column), so its raw text is not kept at all.
// Only the first `limit` rejected rows are collected (and stored); the counts per dealer
// cover every one.

import type { DuckDBConnection } from '@duckdb/node-api';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { bilingual, type Message } from '@fixops/shared';
import { KINDS } from '../kinds/catalog.js';
import { isPersonalHeader, type ColumnMapping } from '../detect/headers.js';
import type { PreparedFile } from '../read/prepare.js';
import { reasonFor } from '../rules/reasons.js';
import { REJECTED, ROWS } from './validate.js';
import { MAX_LINE_BYTES } from './stage.js';

const MAX_RAW_CHARS = 4000;

export interface RejectedRow {
  /** 1-based line number where the record starts (the header is line 1). */
  row: number;
  /** Header of the offending column as written in the file; empty when the row as a whole is wrong. */
  column: string;
  /** Canonical column name. */
  field: string;
  value: string | null;
  code: string;
  reason: string;
  reasonText: Message;
  rawText: string;
  /** The dealer code the row names (null when it names none). */
  dealer: string | null;
}

export interface CollectedRejects {
  /** The first rejected rows, in file order (at most the limit). */
  rows: RejectedRow[];
  /** Every rejected row counted per dealer code ('' for rows that name none). */
  byDealer: Record<string, number>;
}

export interface CollectOptions {
  /** Dealer named by the upload. */
  dealer?: string;
  /** Rejected rows collected (default: all). */
  limit?: number;
}

export async function collectRejects(connection: DuckDBConnection, prepared: PreparedFile, mapping: ColumnMapping, opts: CollectOptions = {}): Promise<CollectedRejects> {
  const { dealer } = opts;
  const kind = KINDS[mapping.kind];
  const key = kind.key;
  const byDealer: Record<string, number> = {};
  const counted = await connection.runAndReadAll(`SELECT coalesce(dealer_code, '') AS d, count(*)::BIGINT AS n FROM ${ROWS} WHERE ${REJECTED} GROUP BY ALL`);
  for (const [d, n] of counted.getRows()) byDealer[d as string] = Number(n);
  const limit = opts.limit === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(opts.limit))}`;
  // Streamed chunk by chunk (2048 rows), so tens of thousands of rejected rows never become
  // JS objects in one synchronous step that would hold up the event loop.
  const result = await connection.stream(`
    SELECT ord::BIGINT AS ord, problem.column AS field, problem.code AS code, problem.value AS value, conflict, ${key ? `${key}::VARCHAR` : 'NULL::VARCHAR'} AS key_value, dealer_code
    FROM ${ROWS} WHERE ${REJECTED} ORDER BY ord ${limit}`);
  const rows: { ord: bigint; field: string | null; code: string | null; value: string | null; conflict: boolean; key_value: string | null; dealer: string | null }[] = [];
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (const [ord, field, code, value, conflict, keyValue, dealerCode] of chunk.getRows()) {
      rows.push({ ord: ord as bigint, field: field as string | null, code: code as string | null, value: value as string | null, conflict: conflict as boolean, key_value: keyValue as string | null, dealer: dealerCode as string | null });
    }
  }
  if (rows.length === 0) return { rows: [], byDealer };
  const headerOf = new Map(mapping.mapped.map((m) => [m.spec.name, m.header]));
  const width = prepared.headers.length;
  const raws = await readRawRecords(prepared, rows.map((r) => Number(r.ord)));
  const out: RejectedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    // tens of thousands of rejected rows are parsed here: let the event loop breathe between batches
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
    const r = rows[i]!;
    const ord = Number(r.ord);
    const fields = parseRecord(raws[i]!, prepared.separator);
    const isConflict = r.code === null && r.conflict;
    // A row with more fields than the header has its values shifted: say so, whatever failed first.
    const tooMany = fields.length > width;
    // Fewer fields than the header with a separator missing inside: values may have shifted too.
    const countDiffers = fields.length !== width;
    // Its values may sit in the wrong columns (a phone number in the date column): the row is
    // reported by its field count, never by a value that may not be what its column says.
    const field = countDiffers ? '' : isConflict ? key! : (r.field ?? '');
    const code = tooMany ? 'too_many_fields' : countDiffers ? 'too_few_fields' : isConflict ? 'conflict' : r.code!;
    const value = countDiffers ? String(fields.length) : isConflict ? (r.key_value ?? null) : r.value;
    const reason = reasonFor(code, value, { key: headerOf.get(key ?? '') ?? key, dealer, headerFields: width });
    const reasonText = countDiffers ? withheldRaw(reason, fields.length, width) : reason;
    out.push({
      row: prepared.index.line(ord),
      column: headerOf.get(field) ?? '',
      field,
      value,
      code,
      reason: bilingual(reasonText),
      reasonText,
      rawText: countDiffers ? '' : maskPersonal(fields, raws[i]!, prepared.separator, prepared.headers).slice(0, MAX_RAW_CHARS),
      dealer: r.dealer,
    });
  }
  return { rows: out, byDealer };
}

/** The reason, plus why the record's raw text was not kept. */
function withheldRaw(reason: Message, fields: number, width: number): Message {
  return {
    zh: `${reason.zh}（该行有 ${fields} 个字段、表头有 ${width} 列，无法按列名隐去个人信息，故未保存原始内容）`,
    en: `${reason.en} (the row has ${fields} fields and the header ${width} columns, so personal data cannot be masked by column name: raw text not kept)`,
  };
}

/** Rows handled between two turns of the event loop in long loops. */
export const YIELD_EVERY = 250;

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function readRawRecords(prepared: PreparedFile, ords: number[]): Promise<string[]> {
  const { index } = prepared;
  const handle = await open(prepared.utf8Path, 'r');
  try {
    const out: string[] = [];
    for (const ord of ords) {
      const start = index.offset(ord);
      const end = ord + 1 < index.count ? index.offset(ord + 1) : index.end;
      // the whole record (one at a time), so its fields can be counted; DuckDB read none longer
      const length = Math.min(end - start, MAX_LINE_BYTES);
      const buf = Buffer.alloc(length);
      await handle.read(buf, 0, length, start);
      const text = buf.toString('utf8').replace(/[\r\n]+$/, '');
      out.push(text);
    }
    return out;
  } finally {
    await handle.close();
  }
}

function parseRecord(text: string, separator: string): string[] {
  return Papa.parse<string[]>(text, { delimiter: separator, preview: 1 }).data[0] ?? [];
}

/** Masks every field whose header names personal data (the record has exactly the header's fields). */
function maskPersonal(fields: string[], text: string, separator: string, headers: readonly string[]): string {
  const personal = headers.flatMap((h, i) => (isPersonalHeader(h) ? [i] : []));
  if (personal.length === 0) return text;
  const masked = [...fields];
  for (const i of personal) if (masked[i] !== '') masked[i] = '***';
  return Papa.unparse([masked], { delimiter: separator, newline: '\n' });
}
