// Uploads and the load log: the per-file summary the CLI prints with --json.

import { Type } from 'typebox';
import { Nullable } from './common.js';

const Columns = Type.Object({ mapped: Type.Record(Type.String(), Type.String()), ignored: Type.Array(Type.String()), dropped: Type.Array(Type.String()) });
const Message = Type.Object({ zh: Type.String(), en: Type.String() });

/** What a summary and a load-log record share: the file, its counts and what was detected. */
const LoadCommon = {
  file: Type.String(),
  checksum: Nullable(Type.String()),
  kind: Nullable(Type.String()),
  dealers: Type.Array(Type.String()),
  months: Type.Array(Type.String()),
  rowsLoaded: Type.Integer(),
  rowsRejected: Type.Integer(),
  rowsSkipped: Type.Integer(),
  rowsDuplicate: Type.Integer(),
  encoding: Nullable(Type.String()),
  separator: Nullable(Type.String()),
  columns: Columns,
  ms: Type.Number(),
};

export const LoadSummary = Type.Object({
  ...LoadCommon,
  loadId: Nullable(Type.Integer()),
  status: Type.Union([Type.Literal('loaded'), Type.Literal('refused')]),
  errors: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Message, details: Type.Optional(Type.Unknown()) })),
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
});

export const LoadList = Type.Object({
  /** Writes waiting or running in the load queue (one at a time). */
  queue: Type.Array(Type.Object({ kind: Type.String(), label: Type.String(), user: Type.String(), queuedAt: Type.String(), startedAt: Nullable(Type.String()) })),
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
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
