// Flags: what is wrong, with value, reference and a sentence in the request's language.

import { Type } from 'typebox';
import { DownloadFormat, Lang, Month, Nullable } from './common.js';

export const FlagKind = Type.Union([Type.Literal('not_tracked'), Type.Literal('target'), Type.Literal('trend'), Type.Literal('peer')]);

export const FlagQuery = Type.Object({
  dealer: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  month: Type.Optional(Month),
  kind: Type.Optional(FlagKind),
  kpi: Type.Optional(Type.String({ maxLength: 64 })),
  lang: Type.Optional(Lang),
  format: Type.Optional(DownloadFormat),
});

export const Flag = Type.Object({
  dealer: Type.String(),
  month: Type.String(),
  kpi: Type.String(),
  kind: FlagKind,
  value: Nullable(Type.Number()),
  reference: Nullable(Type.Record(Type.String(), Type.Unknown())),
  message: Type.String(),
  messages: Type.Object({ zh: Type.String(), en: Type.String() }),
  /** The statistics behind a trend or peer flag (median and z, the group's P10/P90); null for the others. */
  details: Type.Optional(Nullable(Type.Object({ zh: Type.String(), en: Type.String() }))),
});
export const Flags = Type.Array(Flag);
