// Uploads and the load log: the per-file summary the CLI prints with --json.

import { Type } from 'typebox';
import { DownloadFormat, Lang, Nullable } from './common.js';

const Columns = Type.Object({ mapped: Type.Record(Type.String(), Type.String()), ignored: Type.Array(Type.String()), dropped: Type.Array(Type.String()) });
const Message = Type.Object({ zh: Type.String(), en: Type.String() });

/** The kinds of export a file can be. */
export const LoadKind = Type.Union([Type.Literal('repair_orders'), Type.Literal('bookings'), Type.Literal('accident_repairs'), Type.Literal('customers'), Type.Literal('dealers')]);

/** A rejected row as a summary lists it. */
export const RowError = Type.Object({
  /** 1-based line number where the record starts (the header is line 1). */
  row: Type.Integer(),
  /** Header of the offending column as written in the file; empty when the row as a whole is wrong. */
  column: Type.String(),
  /** Canonical column name. */
  field: Type.String(),
  value: Nullable(Type.String()),
  code: Type.String(),
  reason: Type.String(),
});

/** What a summary and a load-log record share: the file, its counts and what was detected. */
const LoadCommon = {
  file: Type.String(),
  checksum: Nullable(Type.String()),
  kind: Nullable(LoadKind),
  dealers: Type.Array(Type.String()),
  months: Type.Array(Type.String()),
  rowsLoaded: Type.Integer(),
  rowsRejected: Type.Integer(),
  /** Rejected rows kept for download: the first ones up to the limit (rowsRejected is the true total). */
  rejectsStored: Type.Integer(),
  rowsSkipped: Type.Integer(),
  rowsDuplicate: Type.Integer(),
  encoding: Nullable(Type.String()),
  separator: Nullable(Type.String()),
  columns: Columns,
  ms: Type.Number(),
};

/** Per (dealer, month, kind) a load replaces: rows stored before it → after it. */
export const SliceChange = Type.Object({ kind: LoadKind, dealer: Type.String(), month: Type.String(), rowsNow: Type.Integer(), rowsAfter: Type.Integer() });

export const LoadSummary = Type.Object({
  ...LoadCommon,
  loadId: Nullable(Type.Integer()),
  status: Type.Union([Type.Literal('loaded'), Type.Literal('refused'), Type.Literal('needs_confirmation')]),
  /** The sheet an Excel workbook was read from (null for text files). */
  sheet: Nullable(Type.String()),
  /** Title rows above the header, skipped. */
  titleRows: Type.Integer(),
  slices: Type.Optional(Type.Array(SliceChange)),
  errors: Type.Array(RowError),
  /** Why the file was refused or held (absent when loaded). */
  error: Type.Optional(Type.Object({ code: Type.String(), message: Message, details: Type.Optional(Type.Record(Type.String(), Type.Unknown())) })),
  phases: Type.Record(Type.String(), Type.Number()),
});
export const LoadSummaries = Type.Array(LoadSummary);

export const LoadRecord = Type.Object({
  ...LoadCommon,
  id: Type.Integer(),
  status: Type.String(),
  error: Nullable(Type.Object({ code: Type.String(), message: Message })),
  uploadedBy: Nullable(Type.String()),
  startedAt: Type.String(),
  undoes: Type.Optional(Nullable(Type.Integer())),
  undoneBy: Type.Optional(Nullable(Type.Integer())),
  slices: Type.Optional(Type.Array(SliceChange)),
});

/** What POST /api/loads/:id/undo answers. */
export const UndoSummary = Type.Object({
  undoId: Type.Integer(),
  loadId: Type.Integer(),
  file: Type.String(),
  kind: Type.String(),
  dealers: Type.Array(Type.String()),
  months: Type.Array(Type.String()),
  rowsRemoved: Type.Integer(),
  rowsRestored: Type.Integer(),
  slices: Type.Array(SliceChange),
  dealersRemoved: Type.Array(Type.String()),
  ms: Type.Number(),
});

export const QueueEntry = Type.Object({ kind: Type.String(), label: Type.String(), user: Type.String(), queuedAt: Type.String(), startedAt: Nullable(Type.String()) });

export const LoadList = Type.Object({
  /** Writes waiting or running in the load queue (one at a time). */
  queue: Type.Array(QueueEntry),
  loads: Type.Array(LoadRecord),
  /** Loads matching the filters, all pages together. */
  total: Type.Optional(Type.Integer()),
});

export const LoadListQuery = Type.Object({
  dealer: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  kind: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  status: Type.Optional(Type.String({ minLength: 1, maxLength: 16, description: 'loaded, refused' })),
  month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })),
  /** Who uploaded it. */
  user: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647, default: 0 })),
  format: Type.Optional(DownloadFormat),
  lang: Type.Optional(Lang),
});

/**
 * GET /loads/:id/rejects.csv|xlsx: layout `log` (default) lists line, column, value, reason and
 * raw text; `file` gives line and reason, then the file's own columns with its own headers and
 * values, to be fixed in Excel and uploaded again. `lang` words the reasons (default: Accept-Language).
 */
export const RejectsQuery = Type.Object({
  layout: Type.Optional(Type.Union([Type.Literal('log'), Type.Literal('file')])),
  lang: Type.Optional(Lang),
});
