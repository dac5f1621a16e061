// The dealer assessment report's model as JSON (GET /api/dealers/:code/report/model): the numbers
// the dashboard's report components draw, the same model the CLI and the HTML/Markdown use.

import { Type } from 'typebox';
import { Month, Nullable } from './common.js';
import { Assessment } from './assessments.js';
import { Flags } from './flags.js';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });

const ModuleScore = Type.Object({
  id: Type.String(), zh: Type.String(), en: Type.String(), score: Type.Number(), max: Type.Number(), rate: Type.Number(),
  passed: Type.Boolean(), complete: Type.Boolean(), note: Type.Optional(Type.String()), items: Type.Optional(Type.Array(Type.Unknown())),
  progress: Type.Optional(Type.Object({ scored: Type.Number(), of: Type.Number(), max: Type.Number() })),
});

const KpiDefinition = Type.Object({
  id: Type.String(), zh: Type.String(), en: Type.String(), unit: Type.Union([Type.Literal('rate'), Type.Literal('money'), Type.Literal('count')]),
  better: Type.String(), description: Text, formula: Text,
});

export const ReportModelQuery = Type.Object({ month: Month });

export const ReportModel = Type.Object({
  dealer: Type.Object({ code: Type.String(), name: Nullable(Type.String()), region: Nullable(Type.String()), group: Type.String(), city: Nullable(Type.String()) }),
  month: Type.String(),
  assessment: Nullable(Assessment),
  /** The shown visit's data month when earlier than the report's month ("本报告引用 2025-11 的现场评估"), else null. */
  visitMonth: Nullable(Type.String()),
  previous: Nullable(Type.Object({ date: Type.String(), total: Type.Number(), max: Type.Number() })),
  passRates: Type.Record(Type.String(), Type.Number()),
  totalPassRate: Type.Number(),
  weakModules: Type.Array(Type.Object({ ...ModuleScore.properties, section: Text, passRate: Type.Number(), before: Nullable(Type.Number()) })),
  incompleteModules: Type.Array(ModuleScore),
  flags: Flags,
  coaching: Type.Array(Type.Object({
    direction: Text, effects: Type.Array(Text), rules: Type.Array(Type.String()), modules: Type.Array(Type.String()),
    flags: Type.Array(Type.Object({ kpi: Type.String(), kind: Type.String() })),
  })),
  coverage: Type.Object({
    months: Type.Array(Type.String()), expected: Type.Number(), received: Type.Number(),
    /** Points that are null because the dealer's history is still warming up (数据积累中): not missing data. */
    warming: Type.Number(),
    byKpi: Type.Array(Type.Object({ kpi: KpiDefinition, received: Type.Number(), warming: Type.Number() })),
  }),
  trends: Type.Array(Type.Object({
    kpi: KpiDefinition,
    target: Nullable(Type.Object({ op: Type.Union([Type.Literal('>='), Type.Literal('<=')]), value: Type.Number() })),
    months: Type.Array(Type.String()),
    values: Type.Array(Nullable(Type.Number())),
    /** Per month: null because the dealer's history is still warming up (数据积累中). */
    warming: Type.Optional(Type.Array(Type.Boolean())),
  })),
  values: Type.Record(Type.String(), Nullable(Type.Number())),
});
