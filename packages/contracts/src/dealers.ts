// Dealers: the list with the latest month's key KPIs and flag counts, one dealer, breakdowns.

import { Type } from 'typebox';
import { Month, Nullable } from './common.js';

export const KEY_KPIS = ['ro_count', 'revenue', 'revenue_per_ro', 'booking_rate', 'on_time_rate', 'churn_rate'] as const;

export const FlagCounts = Type.Object({
  total: Type.Integer(), not_tracked: Type.Integer(), target: Type.Integer(), trend: Type.Integer(), peer: Type.Integer(),
});

export const DealerSummary = Type.Object({
  code: Type.String(),
  name: Nullable(Type.String()),
  region: Nullable(Type.String()),
  group: Type.String(),
  city: Nullable(Type.String()),
  latestMonth: Nullable(Type.String()),
  kpis: Type.Record(Type.String(), Nullable(Type.Number())),
  flags: FlagCounts,
});

export const DealerList = Type.Array(DealerSummary);

export const BreakdownQuery = Type.Object({
  month: Month,
  by: Type.Optional(Type.Union([Type.Literal('repair_type'), Type.Literal('advisor')], { default: 'repair_type' })),
});

export const BreakdownRows = Type.Array(Type.Record(Type.String(), Type.Unknown()));
