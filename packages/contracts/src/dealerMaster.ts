// Dealers master data edited by an admin, and what a recompute changed in the flags (shared by
// the dealer edit and the settings change).

import { Type } from 'typebox';
import { Nullable } from './common.js';

export const FlagKindName = Type.Union([Type.Literal('not_tracked'), Type.Literal('target'), Type.Literal('trend'), Type.Literal('peer')]);

/** One flag that appeared or went away, with its description in words. */
export const FlagChange = Type.Object({
  dealer: Type.String(), month: Type.String(), kpi: Type.String(), kind: FlagKindName, zh: Type.String(), en: Type.String(),
});

/** Flags before and after a recompute; the lists are cut (the totals are the true counts). */
export const FlagChanges = Type.Object({
  before: Type.Integer(), after: Type.Integer(),
  added: Type.Array(FlagChange), removed: Type.Array(FlagChange),
  addedTotal: Type.Integer(), removedTotal: Type.Integer(),
});

export const DealerMaster = Type.Object({
  code: Type.String(), name: Nullable(Type.String()), region: Nullable(Type.String()), city: Nullable(Type.String()), peerGroup: Type.String(),
});
export const DealerMasterList = Type.Object({
  dealers: Type.Array(DealerMaster), peerGroups: Type.Array(Type.String()),
  /** The stored names of the regions and peer groups in use (null: none stored, the value is shown as it is). */
  regionNames: Type.Optional(Type.Array(Type.Object({ region: Type.String(), en: Nullable(Type.String()) }))),
  groupNames: Type.Optional(Type.Array(Type.Object({ id: Type.String(), zh: Nullable(Type.String()), en: Nullable(Type.String()) }))),
});

/** PATCH /api/dealers/:code: any of the fields; region and city are cleared with '' or null. */
export const DealerPatch = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 400 })),
  region: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
  city: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
  peerGroup: Type.Optional(Type.String({ maxLength: 400 })),
  /** The English name of the dealer's region, the Chinese and English names of its peer group (shared by every dealer of it); '' or null clears. */
  regionEn: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
  groupZh: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
  groupEn: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
}, { additionalProperties: false });

export const DealerEdited = Type.Object({
  before: DealerMaster,
  dealer: DealerMaster,
  changed: Type.Array(Type.String()),
  names: Type.Optional(Type.Object({
    before: Type.Object({ regionEn: Nullable(Type.String()), groupZh: Nullable(Type.String()), groupEn: Nullable(Type.String()) }),
    after: Type.Object({ regionEn: Nullable(Type.String()), groupZh: Nullable(Type.String()), groupEn: Nullable(Type.String()) }),
  })),
  recompute: Nullable(Type.Object({ dealerMonths: Type.Integer(), ms: Type.Number(), flags: FlagChanges })),
});
