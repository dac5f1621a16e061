// Who has sent what (数据上报情况): every dealer × month × monthly kind with its stored rows.

import { Type } from 'typebox';
import { DownloadFormat, Lang, Month, Nullable } from './common.js';

export const CoverageKind = Type.Union([Type.Literal('repair_orders'), Type.Literal('bookings'), Type.Literal('accident_repairs')]);

export const CoverageQuery = Type.Object({
  from: Type.Optional(Month),
  to: Type.Optional(Month),
  format: Type.Optional(DownloadFormat),
  lang: Type.Optional(Lang),
});

export const CoverageCell = Type.Object({
  dealer: Type.String(),
  month: Type.String(),
  kind: CoverageKind,
  /** Rows stored; null when nothing is. */
  rows: Nullable(Type.Integer()),
});

export const CoverageAnswer = Type.Object({
  from: Type.String(),
  to: Type.String(),
  /** The day it was judged on, YYYY-MM-DD. */
  today: Type.String(),
  /** Setting uploadDueDay: last month's repair orders are overdue after this day of the month. */
  dueDay: Type.Integer(),
  dueMonth: Type.String(),
  pastDue: Type.Boolean(),
  dealers: Type.Array(Type.Object({ code: Type.String(), name: Nullable(Type.String()), region: Nullable(Type.String()) })),
  /** Dealer, then month, then kind (repair_orders, bookings, accident_repairs). */
  cells: Type.Array(CoverageCell),
  /** Dealers whose dueMonth repair orders are missing after the due day. */
  overdue: Type.Array(Type.String()),
});
