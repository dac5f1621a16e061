// What POST /api/uploads answered, per file: the CLI's summary on success (200) or inside a
// refusal (422/403 details.files) or a hold (409 needs_confirmation, details.files), else one
// error for the request as a whole.

export interface RowError {
  row: number;
  column: string;
  field?: string;
  value: string | null;
  code: string;
  reason: string;
}

/** Per (dealer, month, kind) a load replaces: rows stored now → rows after it. */
export interface SliceChange {
  kind: string;
  dealer: string;
  month: string;
  rowsNow: number;
  rowsAfter: number;
}

export interface FileResult {
  file: string;
  loadId: number | null;
  /** needs_confirmation: held, nothing loaded; it would remove 30 % or more of a stored month (see slices). */
  status: 'loaded' | 'refused' | 'needs_confirmation';
  kind: string | null;
  dealers: string[];
  months: string[];
  rowsLoaded: number;
  rowsRejected: number;
  rowsSkipped: number;
  rowsDuplicate: number;
  encoding: string | null;
  separator: string | null;
  errors: RowError[];
  slices?: SliceChange[];
  /** Why a refused file was refused (the API's message in zh and en). */
  error?: { code: string; message: { zh: string; en: string }; details?: unknown };
}

export type UploadAnswer =
  | { ok: true; files: FileResult[] }
  /** Refused: some files (listed) were not loaded. */
  | { ok: false; status: number; code: string; message: string; files: FileResult[] };

function isSummaryList(v: unknown): v is FileResult[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'object' && s !== null && typeof (s as { file?: unknown }).file === 'string' && typeof (s as { status?: unknown }).status === 'string');
}

/** Reads the HTTP status and body text of an upload answer. */
export function readUploadAnswer(status: number, body: string): UploadAnswer {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, status, code: 'bad_answer', message: status === 0 ? 'network error' : `HTTP ${status}`, files: [] };
  }
  if (status >= 200 && status < 300 && isSummaryList(json)) return { ok: true, files: json };
  const error = (json as { error?: { code?: unknown; message?: unknown; details?: { files?: unknown } } }).error;
  const files = isSummaryList(error?.details?.files) ? error.details.files : [];
  return {
    ok: false, status,
    code: typeof error?.code === 'string' ? error.code : 'bad_answer',
    message: typeof error?.message === 'string' ? error.message : `HTTP ${status}`,
    files,
  };
}

/** Rejected-rows CSV of a load (UTF-8 with BOM). */
export function rejectsHref(loadId: number): string {
  return `/api/loads/${loadId}/rejects.csv`;
}

/** The months a held file would shrink by the limit or more (from its hold error), else every replaced one. */
export function heldSlices(r: FileResult): SliceChange[] {
  const held = (r.error?.details as { slices?: SliceChange[] } | undefined)?.slices;
  return Array.isArray(held) && held.length > 0 ? held : r.slices ?? [];
}
