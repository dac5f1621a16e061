// What POST /api/uploads answered, per file: the CLI's summary on success (200) or inside a
// refusal (422/403 details.files) or a hold (409 needs_confirmation, details.files), else one
// error for the request as a whole.

import type { Static } from 'typebox';
import type { LoadSummary, RowError as RowErrorSchema, SliceChange as SliceChangeSchema } from '@fixops/contracts';

export type RowError = Static<typeof RowErrorSchema>;
/** Per (dealer, month, kind) a load replaces: rows stored now → rows after it. */
export type SliceChange = Static<typeof SliceChangeSchema>;
/** One file's summary (the API's LoadSummary schema). */
export type FileResult = Static<typeof LoadSummary>;

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

/**
 * Rejected rows to fix and upload again (?layout=file): line and reason in the page's language,
 * then the file's own columns; CSV (UTF-8 with BOM) or xlsx.
 */
export function fixableRejectsHref(loadId: number, format: 'csv' | 'xlsx', lang: 'zh' | 'en'): string {
  return `/api/loads/${loadId}/rejects.${format}?${new URLSearchParams({ layout: 'file', lang }).toString()}`;
}

/** The months a held file would shrink by the limit or more (from its hold error), else every replaced one. */
export function heldSlices(r: FileResult): SliceChange[] {
  const held = (r.error?.details as { slices?: SliceChange[] } | undefined)?.slices;
  return Array.isArray(held) && held.length > 0 ? held : r.slices ?? [];
}
