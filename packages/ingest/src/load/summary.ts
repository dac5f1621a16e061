// What a load reports, per file: the CLI's --json contract and the API's upload answer.

import type { FixopsError } from '@fixops/shared';
import type { KindId } from '../kinds/types.js';
import type { RejectedRow } from '../stage/rejects.js';

/** A rejected row as the summary lists it (the stored row also keeps its raw text). */
export type LoadError = Omit<RejectedRow, 'rawText' | 'reasonText' | 'dealer'>;

export interface LoadSummary {
  loadId: number | null;
  file: string;
  status: 'loaded' | 'refused';
  kind: KindId | null;
  dealers: string[];
  months: string[];
  rowsLoaded: number;
  rowsRejected: number;
  /** Rejected rows kept for download: the first ones, up to the limit (rowsRejected is the true total). */
  rejectsStored: number;
  rowsSkipped: number;
  rowsDuplicate: number;
  encoding: string | null;
  separator: string | null;
  columns: { mapped: Record<string, string>; ignored: string[]; dropped: string[] };
  errors: LoadError[];
  /** Why the file was refused (absent when loaded). */
  error?: FixopsError;
  checksum: string | null;
  ms: number;
  /** Milliseconds per phase (read, stage, validate, rejects, store), for benchmarks. */
  phases: Record<string, number>;
}

export const MAX_ERRORS_LISTED = 100;
