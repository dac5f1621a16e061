// The first problem of one data row, by the same rules and in the same order as the ingest's
// validator (stage/validate.ts): required values, unreadable dates, amounts and whole numbers,
// negative numbers, unknown booking statuses. Browser-safe: the upload preview checks its sample
// rows with it before anything is sent. Duplicates and conflicts need the whole file: the server
// finds those.

import { KINDS } from '../kinds/catalog.js';
import type { ColumnMapping } from '../detect/headers.js';
import { cleanValue, readBookingStatus, readInteger, readMoney, readTimestamp } from './values.js';

export interface RowProblem {
  /** Canonical column ('' for the row as a whole). */
  field: string;
  /** Header as written in the file. */
  column: string;
  /** The value as written (null when empty). */
  value: string | null;
  /** The ingest's reject code: required, bad_timestamp, bad_money, bad_integer, negative, bad_booking_status, dealer_mismatch, too_many_fields. */
  code: string;
}

export interface RowCheckOptions {
  /** Dealer named by the upload: an empty dealer code is then no problem. */
  dealer?: string;
}

/** The row's first problem (the ingest rejects the row for it), or null when it loads. */
export function checkRow(mapping: Pick<ColumnMapping, 'kind' | 'mapped'>, cells: readonly (string | null | undefined)[], width: number, opts: RowCheckOptions = {}): RowProblem | null {
  if (cells.length > width) return { field: '', column: '', value: String(cells.length), code: 'too_many_fields' };
  const byName = new Map(mapping.mapped.map((m) => [m.spec.name, m]));
  for (const spec of KINDS[mapping.kind].columns) {
    const m = byName.get(spec.name);
    if (!m) continue;
    const raw = cells[m.index] ?? null;
    const value = cleanValue(raw);
    const at = (code: string, v: string | null = value): RowProblem => ({ field: spec.name, column: m.header, value: v, code });
    if (spec.type === 'dealer') {
      if (value === null && opts.dealer === undefined) return at('required');
      if (value !== null && opts.dealer !== undefined && value !== opts.dealer) return at('dealer_mismatch');
      continue;
    }
    const required = spec.required === 'yes' && !spec.emptyAllowed;
    switch (spec.type) {
      case 'timestamp':
      case 'money':
      case 'integer': {
        const read = spec.type === 'timestamp' ? readTimestamp(raw) : spec.type === 'money' ? readMoney(raw) : readInteger(raw);
        if (read === null && value === null) {
          if (required) return at('required');
        } else if (read === null) {
          return at(`bad_${spec.type}`);
        } else if (spec.type === 'integer' && (read as number) < 0) {
          return at('negative');
        }
        break;
      }
      case 'booking_status':
        if (value === null) return at('required');
        if (readBookingStatus(raw) === null) return at('bad_booking_status');
        break;
      default:
        if (required && value === null) return at('required');
    }
  }
  return null;
}
