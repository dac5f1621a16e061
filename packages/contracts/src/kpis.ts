// KPI values, the catalogue, peer benchmarks.

import { Type } from 'typebox';
import { DownloadFormat, Lang, Month, Nullable } from './common.js';

/** ok: a value; not_tracked: null (未统计); warming_up: null while the dealer's history accumulates (数据积累中). */
export const KpiStatus = Type.Union([Type.Literal('ok'), Type.Literal('not_tracked'), Type.Literal('warming_up')]);
export const KpiValue = Type.Object({ dealer: Type.String(), month: Type.String(), kpi: Type.String(), value: Nullable(Type.Number()), status: KpiStatus });
export const KpiValues = Type.Array(KpiValue);

export const DealerKpiQuery = Type.Object({ from: Type.Optional(Month), to: Type.Optional(Month), kpi: Type.Optional(Type.String({ maxLength: 64 })), format: Type.Optional(DownloadFormat), lang: Type.Optional(Lang) });
export const NetworkKpiQuery = Type.Object({ month: Month, kpi: Type.Optional(Type.String({ maxLength: 64 })), format: Type.Optional(DownloadFormat), lang: Type.Optional(Lang) });

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
export const CatalogEntry = Type.Object({
  id: Type.String(), zh: Type.String(), en: Type.String(),
  unit: Type.Union([Type.Literal('count'), Type.Literal('rate'), Type.Literal('money')]),
  better: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
  description: Text, formula: Text,
  /** A KPI a network added as a file (not one of kpis.md): the dealer page shows it with the key KPIs. */
  custom: Type.Boolean(),
});
export const Catalog = Type.Array(CatalogEntry);

export const BenchmarkQuery = Type.Object({ month: Month, kpi: Type.String({ maxLength: 64 }), group: Type.Optional(Type.String({ maxLength: 64 })), format: Type.Optional(DownloadFormat), lang: Type.Optional(Lang) });
export const BenchmarkRow = Type.Object({
  group: Type.String(),
  groupSize: Type.Integer(),
  /** null for other dealers when a dealer user asks: anonymous ranks only. */
  dealer: Nullable(Type.String()),
  name: Nullable(Type.String()),
  value: Nullable(Type.Number()),
  rank: Nullable(Type.Integer()),
  percentile: Nullable(Type.Number()),
  p25: Nullable(Type.Number()),
  median: Nullable(Type.Number()),
  p75: Nullable(Type.Number()),
  gapToMedian: Nullable(Type.Number()),
  gapToTopQuartile: Nullable(Type.Number()),
});
export const BenchmarkRows = Type.Array(BenchmarkRow);
