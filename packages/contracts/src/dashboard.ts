// What the dashboard reads in one call per view: the network overview (latest month's key
// KPIs, flag counts, a 12-month sparkline, the latest checklist visit), the peer group's
// quartiles per month and KPI (trend bands), and the latest visit's module score rates.

import { Type } from 'typebox';
import { Month, Nullable, PlaceName } from './common.js';
import { AdvisorKpis, DealerSummary, RepairTypeShare } from './dealers.js';
import { FlagKind } from './flags.js';
import { KpiStatus } from './kpis.js';

export const OVERVIEW_KPIS = ['ro_count', 'revenue', 'revenue_per_ro', 'booking_rate', 'on_time_rate', 'cost_estimate_accuracy', 'churn_rate', 'data_completeness'] as const;
export const SPARK_KPI = 'ro_count';
export const SPARK_MONTHS = 12;

export const LatestVisit = Type.Object({
  id: Type.Integer(), date: Type.String(), total: Type.Number(), max: Type.Number(), rate: Type.Number(),
  /** The data month the visit belongs to (its report's month). */
  month: Type.String(),
  /** null while the visit is a draft ("未评完 scored/items"): never a pass or a fail. */
  passed: Nullable(Type.Boolean()), complete: Type.Boolean(),
  scored: Type.Integer(), items: Type.Integer(),
});

/** A dealer's summary (GET /api/dealers) plus its sparkline and latest checklist visit. */
export const OverviewRow = Type.Object({
  ...DealerSummary.properties,
  spark: Type.Object({
    kpi: Type.String(),
    /** The 12 months up to the latest, oldest first. */
    months: Type.Array(Type.String()),
    values: Type.Array(Nullable(Type.Number())),
  }),
  checklist: Nullable(LatestVisit),
});
export const Overview = Type.Array(OverviewRow);
/** GET /api/overview?month=YYYY-MM: that month's values instead of each dealer's latest. */
export const OverviewQuery = Type.Object({ month: Type.Optional(Month) });

export const PeerQuery = Type.Object({ from: Type.Optional(Month), to: Type.Optional(Month), kpi: Type.Optional(Type.String({ maxLength: 64 })) });
export const PeerStat = Type.Object({
  month: Type.String(),
  kpi: Type.String(),
  group: Type.String(),
  /** Dealers of the group with a value that month. */
  groupSize: Type.Integer(),
  p25: Nullable(Type.Number()),
  median: Nullable(Type.Number()),
  p75: Nullable(Type.Number()),
});
export const PeerStats = Type.Array(PeerStat);

export const ChecklistModules = Type.Object({
  visit: Nullable(LatestVisit),
  modules: Type.Array(Type.Object({
    section: Type.String(), id: Type.String(), zh: Type.String(), en: Type.String(),
    score: Type.Number(), max: Type.Number(),
    /** The score rate; for a module not completely scored, the rate over what is scored (partial); null when nothing is. */
    rate: Nullable(Type.Number()),
    /** The module is not completely scored: its rate is partial and it is neither passed nor failed. */
    partial: Type.Boolean(),
    passRate: Type.Number(),
    /** null while partial. */
    passed: Nullable(Type.Boolean()),
  })),
});

export const DealerPageQuery = Type.Object({ month: Type.Optional(Month) });

const KpiPoint = Type.Object({ month: Type.String(), kpi: Type.String(), value: Nullable(Type.Number()), status: Type.Optional(KpiStatus) });
const PeerPoint = Type.Object({
  month: Type.String(), kpi: Type.String(), group: Type.String(), groupSize: Type.Integer(),
  p25: Nullable(Type.Number()), median: Nullable(Type.Number()), p75: Nullable(Type.Number()),
});

/** Everything the dashboard's dealer page shows for one month, in one answer. */
export const DealerPage = Type.Object({
  dealer: Type.Object({
    code: Type.String(), name: Nullable(Type.String()), region: Nullable(Type.String()), group: Type.String(), city: Nullable(Type.String()),
    regionName: Nullable(PlaceName), groupName: PlaceName,
  }),
  /** Months with data (repair orders counted), oldest first. */
  months: Type.Array(Type.String()),
  /** The month shown: the one asked for, else the latest; null without data. */
  month: Nullable(Type.String()),
  /** The 12 months up to it, oldest first. */
  window: Type.Array(Type.String()),
  kpis: Type.Array(KpiPoint),
  peers: Type.Array(PeerPoint),
  mix: Type.Array(RepairTypeShare),
  advisors: Type.Array(AdvisorKpis),
  /** The month's flags, then up to 60 earlier ones, newest first. */
  flags: Type.Array(Type.Object({ month: Type.String(), kpi: Type.String(), kind: FlagKind, messages: Type.Object({ zh: Type.String(), en: Type.String() }), details: Type.Optional(Nullable(Type.Object({ zh: Type.String(), en: Type.String() }))) })),
  checklist: ChecklistModules,
});
