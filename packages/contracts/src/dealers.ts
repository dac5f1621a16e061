// Dealers: the list with the latest month's key KPIs and flag counts, one dealer, breakdowns.

import { Type } from 'typebox';
import { Month, Nullable, PlaceName } from './common.js';

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
  /** The region in both languages (null without a region). */
  regionName: Nullable(PlaceName),
  /** The peer group in both languages. */
  groupName: PlaceName,
  latestMonth: Nullable(Type.String()),
  kpis: Type.Record(Type.String(), Nullable(Type.Number())),
  /** KPIs of `kpis` that are null because the dealer's history is still warming up (数据积累中). */
  warming: Type.Optional(Type.Array(Type.String())),
  flags: FlagCounts,
});

export const DealerList = Type.Array(DealerSummary);

export const BreakdownQuery = Type.Object({
  month: Month,
  by: Type.Optional(Type.Union([Type.Literal('repair_type'), Type.Literal('advisor')], { default: 'repair_type' })),
});

/** One repair type's share of a month's repair orders. */
export const RepairTypeShare = Type.Object({ repairType: Type.String(), roCount: Type.Integer(), share: Nullable(Type.Number()), revenue: Type.Number() });

/** One service advisor's month: the seed's KPIs as fields (kept for existing readers), and by KPI id every catalogue KPI that breaks down per advisor. */
export const AdvisorKpis = Type.Object({
  advisor: Nullable(Type.String()), ro_count: Type.Integer(), revenue_per_ro: Nullable(Type.Number()), booking_rate: Nullable(Type.Number()),
  on_time_rate: Nullable(Type.Number()), time_estimate_accuracy: Nullable(Type.Number()), cost_estimate_accuracy: Nullable(Type.Number()),
  kpis: Type.Record(Type.String(), Nullable(Type.Number()), {
    description: 'by KPI id: every KPI of the catalogue whose value counts or sums repair orders (built-in ones and KPIs a network added as files), over this advisor\'s repair orders',
  }),
});

/** by=repair_type: the RO mix; by=advisor: KPIs per service advisor. */
export const BreakdownRows = Type.Union([Type.Array(RepairTypeShare), Type.Array(AdvisorKpis)]);
