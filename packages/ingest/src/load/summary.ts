// What a load reports, per file: the CLI's --json contract and the API's upload answer.

import type { FixopsError } from '@fixops/shared';
import type { KindId } from '../kinds/types.js';
import type { RejectedRow } from '../stage/rejects.js';
import type { SliceChange } from './slices.js';

/** A rejected row as the summary lists it (the stored row also keeps its raw text). */
export type LoadError = Omit<RejectedRow, 'rawText' | 'reasonText' | 'dealer'>;

export interface LoadSummary {
  loadId: number | null;
  file: string;
  /** needs_confirmation: held, nothing changed; it would remove too many stored rows of a month (see `slices`). */
  status: 'loaded' | 'refused' | 'needs_confirmation';
  kind: KindId | null;
  dealers: string[];
  months: string[];
  rowsLoaded: number;
  rowsRejected: number;
  /** Rejected rows kept for download: the first ones, up to the limit (rowsRejected is the true total). */
  rejectsStored: number;
  rowsSkipped: number;
  rowsDuplicate: number;
  /** Text files only (null for a workbook). */
  encoding: string | null;
  separator: string | null;
  /** The sheet an Excel workbook was read from (null for text files). */
  sheet: string | null;
  /** Title rows above the header, skipped (0 when the header is the first row). */
  titleRows: number;
  columns: { mapped: Record<string, string>; ignored: string[]; dropped: string[] };
  errors: LoadError[];
  /** Monthly kinds: per (dealer, month) replaced, rows stored before → after this load. */
  slices?: SliceChange[];
  /** Why the file was refused (absent when loaded). */
  error?: FixopsError;
  checksum: string | null;
  ms: number;
  /** Milliseconds per phase (read, stage, validate, rejects, store), for benchmarks. */
  phases: Record<string, number>;
}

export const MAX_ERRORS_LISTED = 100;
