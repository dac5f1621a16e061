// Uploads and the load log: the per-file summary the CLI prints with --json.

import { Type } from 'typebox';
import { Nullable } from './common.js';

const Columns = Type.Object({ mapped: Type.Record(Type.String(), Type.String()), ignored: Type.Array(Type.String()), dropped: Type.Array(Type.String()) });
const Message = Type.Object({ zh: Type.String(), en: Type.String() });

export const LoadSummary = Type.Object({
  loadId: Nullable(Type.Integer()),
  file: Type.String(),
  status: Type.Union([Type.Literal('loaded'), Type.Literal('refused')]),
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
  errors: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Message, details: Type.Optional(Type.Unknown()) })),
  checksum: Nullable(Type.String()),
  ms: Type.Number(),
  phases: Type.Record(Type.String(), Type.Number()),
});
export const LoadSummaries = Type.Array(LoadSummary);

export const LoadRecord = Type.Object({
  id: Type.Integer(),
  file: Type.String(),
  checksum: Nullable(Type.String()),
  kind: Nullable(Type.String()),
  status: Type.String(),
  dealers: Type.Array(Type.String()),
  months: Type.Array(Type.String()),
  rowsLoaded: Type.Integer(),
  rowsRejected: Type.Integer(),
  rowsSkipped: Type.Integer(),
  rowsDuplicate: Type.Integer(),
  columns: Columns,
  encoding: Nullable(Type.String()),
  separator: Nullable(Type.String()),
  error: Nullable(Type.Object({ code: Type.String(), message: Message })),
  uploadedBy: Nullable(Type.String()),
  startedAt: Type.String(),
  ms: Type.Number(),
});

export const LoadList = Type.Object({
  /** Writes waiting or running in the load queue (one at a time). */
  queue: Type.Array(Type.Object({ kind: Type.String(), label: Type.String(), user: Type.String(), queuedAt: Type.String(), startedAt: Nullable(Type.String()) })),
  loads: Type.Array(LoadRecord),
});

export const LoadListQuery = Type.Object({
  dealer: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
});
