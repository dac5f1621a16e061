// The audit log: every write, who made it, when, from where and what changed (admin only).

import { Type } from 'typebox';
import { Nullable } from './common.js';

export const AuditQuery = Type.Object({
  /** From this day (YYYY-MM-DD) or instant on. */
  since: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+Z?)?$' })),
  user: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** An action (token.create) or its family (token). */
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647, default: 0 })),
});

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  user: Type.String(),
  via: Type.Union([Type.Literal('cli'), Type.Literal('api')]),
  ip: Nullable(Type.String()),
  action: Type.String(),
  target: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

export const AuditPage = Type.Object({
  /** Entries matching the filters, all pages together. */
  total: Type.Integer(),
  entries: Type.Array(AuditEntry),
});
