// Header names as users write them → canonical columns. Matching is case-insensitive after
// trimming spaces, BOM, `*` and bracketed units such as （元） or (元).

import { KINDS, PERSONAL_DATA_HEADERS } from '../kinds/catalog.js';
import type { ColumnSpec, KindId } from '../kinds/types.js';

export function normalizeHeader(raw: string): string {
  return raw
    .replace(/\uFEFF/g, '')
    .replace(/（[^）]*）|\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[*＊]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const PERSONAL = new Set(PERSONAL_DATA_HEADERS.map(normalizeHeader));

export function isPersonalHeader(raw: string): boolean {
  return PERSONAL.has(normalizeHeader(raw));
}

export interface MappedColumn {
  /** Position in the file (0-based). */
  index: number;
  header: string;
  spec: ColumnSpec;
}

export interface ColumnMapping {
  kind: KindId;
  mapped: MappedColumn[];
  /** Headers kept only for duplicate detection and the totals-row test; never stored. */
  ignored: { index: number; header: string }[];
  /** Personal data: never read into the database. */
  dropped: { index: number; header: string }[];
  /** Required columns not found, with the headers that would have matched. */
  missing: ColumnSpec[];
}

export function mapColumns(headers: readonly string[], kind: KindId): ColumnMapping {
  const specs = KINDS[kind].columns;
  const byAlias = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const alias of spec.aliases) byAlias.set(normalizeHeader(alias), spec);
  const mapped: MappedColumn[] = [];
  const ignored: { index: number; header: string }[] = [];
  const dropped: { index: number; header: string }[] = [];
  const taken = new Set<string>();
  headers.forEach((header, index) => {
    const spec = byAlias.get(normalizeHeader(header));
    if (spec && !taken.has(spec.name)) {
      taken.add(spec.name);
      mapped.push({ index, header, spec });
    } else if (isPersonalHeader(header)) {
      dropped.push({ index, header });
    } else {
      ignored.push({ index, header }); // read for duplicate and totals checks, never stored
    }
  });
  const missing = specs.filter((s) => s.required === 'yes' && !taken.has(s.name));
  return { kind, mapped, ignored, dropped, missing };
}
