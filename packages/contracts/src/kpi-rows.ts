// The rows behind a KPI's number (drill-down): GET /api/dealers/:code/kpis/:kpi/rows, as JSON
// pages or a CSV download of every row.

import { Type } from 'typebox';
import { DealerCode, Lang, Month, Nullable } from './common.js';

export const KpiRowsParams = Type.Object({ code: DealerCode, kpi: Type.String({ minLength: 1, maxLength: 64 }) });

export const KpiRowsQuery = Type.Object({
  month: Month,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'rows per page (JSON only; CSV holds every row)' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  only: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('numerator'), Type.Literal('not_numerator')], {
    default: 'all', description: 'all rows behind the number, only those in the numerator, or only those not in it (e.g. the late orders)',
  })),
  sort: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'order by this column (one of `columns`, or in_numerator) instead of the default order' })),
  dir: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], { default: 'json' })),
  lang: Type.Optional(Lang),
});

/** One source record: its key and canonical columns, and whether it is in the numerator / denominator. */
export const KpiRow = Type.Object({
  in_numerator: Type.Boolean(),
  /** null for a count or sum KPI (no denominator). */
  in_denominator: Nullable(Type.Boolean()),
  /** What the row adds to a summed numerator / denominator. */
  numerator_amount: Type.Optional(Nullable(Type.Number())),
  denominator_amount: Type.Optional(Nullable(Type.Number())),
}, { additionalProperties: Nullable(Type.Union([Type.String(), Type.Number(), Type.Boolean()])) });

export const KpiRows = Type.Object({
  dealer: Type.String(),
  month: Type.String(),
  kpi: Type.String(),
  table: Type.Union([Type.Literal('repair_orders'), Type.Literal('bookings'), Type.Literal('accident_repairs')]),
  value: Nullable(Type.Number()),
  numerator: Type.Number(),
  denominator: Nullable(Type.Number()),
  measure: Type.Union([Type.Literal('count'), Type.Literal('sum')]),
  denominator_measure: Nullable(Type.Union([Type.Literal('count'), Type.Literal('sum')])),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  only: Type.Union([Type.Literal('all'), Type.Literal('numerator'), Type.Literal('not_numerator')]),
  columns: Type.Array(Type.String()),
  rows: Type.Array(KpiRow),
});
