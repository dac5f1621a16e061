// Action plans (整改计划): an action against one KPI or checklist module of a dealer, its status
// changes and notes, the open/overdue counts, and the measured effect of each action.

import { Type } from 'typebox';
import { DealerCode, Nullable } from './common.js';

const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
export const ActionStatus = Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('verified')]);
const Verdict = Type.Union([Type.Literal('improved'), Type.Literal('unchanged'), Type.Literal('worse'), Type.Literal('insufficient')]);
const N = Nullable(Type.Number());

export const NewAction = Type.Object({
  dealer: DealerCode,
  target: Type.Object({ kind: Type.Union([Type.Literal('kpi'), Type.Literal('module')]), id: Type.String({ minLength: 1, maxLength: 200 }) }),
  title: Type.String({ minLength: 1, maxLength: 500 }),
  owner: Type.String({ minLength: 1, maxLength: 200 }),
  due: Day,
  created: Type.Optional(Day),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const ActionChange = Type.Object({
  status: Type.Optional(ActionStatus),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const ActionQuery = Type.Object({
  dealer: Type.Optional(DealerCode),
  status: Type.Optional(ActionStatus),
});

export const KpiEffect = Type.Object({
  kind: Type.Literal('kpi'),
  beforeMonths: Type.Array(Type.String()),
  afterMonths: Type.Array(Type.String()),
  dealerBefore: N, dealerAfter: N, dealerChange: N,
  groupBefore: N, groupAfter: N, groupChange: N,
  did: N, historyMonths: Type.Integer(), mad: N, noise: N, z: N,
  verdict: Verdict,
  reason: Nullable(Type.Union([Type.Literal('no_after'), Type.Literal('no_before'), Type.Literal('no_peers'), Type.Literal('short_history')])),
});

const Visit = Nullable(Type.Object({ date: Type.String(), rate: N }));
export const ModuleEffect = Type.Object({
  kind: Type.Literal('module'),
  before: Visit, after: Visit, change: N,
  verdict: Verdict,
  reason: Nullable(Type.Union([Type.Literal('no_after'), Type.Literal('no_before')])),
});

export const Action = Type.Object({
  id: Type.Integer(),
  dealer: Type.String(),
  target: Type.Object({ kind: Type.Union([Type.Literal('kpi'), Type.Literal('module')]), id: Type.String(), name: Type.Object({ zh: Type.String(), en: Type.String() }) }),
  title: Type.String(),
  owner: Type.String(),
  due: Type.String(),
  status: ActionStatus,
  created: Type.String(),
  createdBy: Type.String(),
  overdue: Type.Boolean(),
  events: Type.Array(Type.Object({ at: Type.String(), user: Type.String(), status: Nullable(ActionStatus), note: Nullable(Type.String()) })),
});

export const ActionWithEffect = Type.Object({
  ...Action.properties,
  effect: Type.Union([KpiEffect, ModuleEffect]),
  unit: Nullable(Type.Union([Type.Literal('count'), Type.Literal('rate'), Type.Literal('money')])),
  better: Nullable(Type.Union([Type.Literal('higher'), Type.Literal('lower')])),
});
export const ActionList = Type.Array(ActionWithEffect);

export const ActionCreated = Type.Object({ id: Type.Integer() });

export const ActionCounts = Type.Object({
  dealers: Type.Array(Type.Object({ dealer: Type.String(), open: Type.Integer(), overdue: Type.Integer() })),
  open: Type.Integer(),
  overdue: Type.Integer(),
});
