// Where the header is when an export starts with title lines (report name, dealer, export
// time, a blank line): the first row, within the first 10, in which at least three cells map
// to columns of one kind (dms-exports.md, "Excel workbooks and title rows"). Rows above it are
// title rows, skipped and reported. Node-free: the browser preview uses it too.

import { KINDS } from '../kinds/catalog.js';
import { KIND_IDS, type KindId } from '../kinds/types.js';
import { normalizeHeader } from './headers.js';

/** Rows looked at for the header. */
export const HEADER_SEARCH_ROWS = 10;
/** Cells of a row that must map to columns of one kind for the row to be the header. */
export const HEADER_MIN_MAPPED = 3;

const ALIASES: ReadonlyMap<KindId, ReadonlySet<string>> = new Map(
  KIND_IDS.map((k) => [k, new Set(KINDS[k].columns.flatMap((c) => c.aliases.map(normalizeHeader)))]),
);

/** How many cells of a row map to columns of the kind (each column counted once). */
function mappedCells(row: readonly string[], kind: KindId): number {
  const aliases = ALIASES.get(kind)!;
  const seen = new Set<string>();
  for (const cell of row) {
    const n = normalizeHeader(cell ?? '');
    if (n !== '' && aliases.has(n)) seen.add(n);
  }
  return seen.size;
}

/** True when at least three cells of the row map to columns of one kind (of `kind`, when given). */
export function looksLikeHeader(row: readonly string[], kind?: KindId): boolean {
  const kinds = kind ? [kind] : KIND_IDS;
  return kinds.some((k) => mappedCells(row, k) >= HEADER_MIN_MAPPED);
}

/**
 * The index of the header among the first rows given (blank rows included, as they come), or
 * the first non-blank row when none of the first 10 looks like a header (a file whose header
 * has fewer than three known columns still reads as before). -1 when every row is blank.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], kind?: KindId): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) if (looksLikeHeader(rows[i]!, kind)) return i;
  return rows.findIndex((r) => r.some((c) => (c ?? '').trim() !== ''));
}
