// Staff and supplier scorecards: a dealer's people and their scorecards (with an advisor's
// KPIs), the network's suppliers and their monthly ratings with grades and rule outcomes.

import { Type } from 'typebox';
import { DealerCode, Month, Nullable } from './common.js';
import { Scorecard } from './assessments.js';
import { AdvisorKpis } from './dealers.js';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const Named = Type.Object({ id: Type.String(), zh: Type.String(), en: Type.String() });

export const StaffParams = Type.Object({ code: DealerCode, name: Type.String({ minLength: 1, maxLength: 100 }) });

export const StaffHistoryEntry = Type.Object({
  id: Type.Integer(), month: Type.String(), assessor: Nullable(Type.String()), templateId: Type.String(), templateVersion: Type.Number(),
  templateZh: Type.String(), templateEn: Type.String(), total: Type.Number(), max: Type.Number(), rate: Type.Number(), passed: Type.Boolean(),
  notes: Nullable(Type.String()), createdAt: Type.String(),
  change: Nullable(Type.Number({ description: 'score rate minus the previous scorecard\'s' })),
  trend: Nullable(Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('flat')])),
});

const memberFields = {
  dealer: Type.String(), name: Type.String(), role: Type.String(), roleZh: Type.String(), roleEn: Type.String(),
  added: Type.Boolean({ description: 'added by hand (else only an advisor seen in repair orders)' }),
  firstMonth: Nullable(Type.String()), lastMonth: Nullable(Type.String()), scorecards: Type.Integer(), latest: Nullable(StaffHistoryEntry),
};
export const StaffMember = Type.Object(memberFields);

export const StaffList = Type.Object({
  dealer: Type.String(),
  people: Type.Array(StaffMember),
  roles: Type.Array(Named),
  templates: Type.Array(Named),
});


export const StaffDetailQuery = Type.Object({ month: Type.Optional(Month) });

export const StaffDetail = Type.Object({
  ...memberFields,
  history: Type.Array(StaffHistoryEntry),
  defaultTemplate: Type.String(),
  templates: Type.Array(Named),
  /** The month the KPIs are for: ?month, else the latest scorecard's, else the last month on repair orders. */
  kpiMonth: Nullable(Type.String()),
  kpis: Nullable(AdvisorKpis),
});

export const NewStaff = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  role: Type.String({ minLength: 1, maxLength: 50, description: 'service_advisor, customer_service, technician, parts, warranty, manager, other (or the Chinese name)' }),
});

const Score = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }), score: Type.Number(), note: Type.Optional(Type.String({ maxLength: 2000 })) });

export const NewStaffScorecard = Type.Object({
  month: Month,
  template: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'aftersales-staff or customer-service-staff; default by role' })),
  assessor: Type.Optional(Type.String({ maxLength: 200 })),
  notes: Type.Optional(Type.String({ maxLength: 10000 })),
  scores: Type.Array(Score, { maxItems: 500 }),
});

export const StaffScorecardCreated = Type.Object({ id: Type.Integer(), scorecard: Scorecard });

export const StaffScorecard = Type.Object({
  id: Type.Integer(), dealer: Type.String(), name: Type.String(), month: Type.String(), assessor: Nullable(Type.String()),
  templateId: Type.String(), templateVersion: Type.Number(), templateZh: Type.String(), templateEn: Type.String(),
  total: Type.Number(), max: Type.Number(), rate: Type.Number(), passed: Type.Boolean(), notes: Nullable(Type.String()), createdAt: Type.String(),
  scores: Type.Array(Score), scorecard: Scorecard,
});

const Outcome = Type.Union([Type.Literal('suspended'), Type.Literal('disqualified')]);
export const SupplierStatus = Type.Object({
  status: Type.Union([Type.Literal('ok'), Outcome]),
  asOf: Type.String(),
  reason: Nullable(Text),
  outcomes: Type.Array(Type.Object({ outcome: Outcome, months: Type.Array(Type.String()), reason: Text, rule: Nullable(Text) })),
});

export const SupplierRating = Type.Object({
  month: Type.String(), dimensions: Type.Record(Type.String(), Type.Number()), composite: Type.Number(), grade: Type.String(), band: Text,
  rater: Nullable(Type.String()), notes: Nullable(Type.String()), createdAt: Type.String(), status: SupplierStatus,
});

const SupplierClass = Type.Object({ id: Type.String(), zh: Type.String(), en: Type.String(), weights: Type.Record(Type.String(), Type.Number()) });

const supplierFields = {
  id: Type.Integer(), name: Type.String(), class: SupplierClass, addedAt: Type.String(), ratings: Type.Integer(),
  latest: Nullable(SupplierRating), status: Nullable(SupplierStatus),
};
export const Supplier = Type.Object(supplierFields);

/** What the supplier pages need besides the suppliers: the template's classes, dimensions, grade bands and rules. */
export const SupplierRules = Type.Object({
  classes: Type.Array(SupplierClass),
  dimensions: Type.Array(Type.Object({ id: Type.String(), zh: Type.String(), en: Type.String(), max: Type.Number() })),
  grades: Type.Array(Type.Object({ grade: Type.String(), min: Type.Number(), zh: Type.String(), en: Type.String() })),
  rules: Type.Array(Text),
});

export const SupplierList = Type.Object({ suppliers: Type.Array(Supplier), rules: SupplierRules });
export const SupplierDetail = Type.Object({ ...supplierFields, history: Type.Array(SupplierRating), rules: SupplierRules });

export const NewSupplier = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  class: Type.String({ minLength: 1, maxLength: 50, description: 'ic_loose, pcb or consumables (or the Chinese class name)' }),
});

const Dim = Type.Number({ minimum: 0, maximum: 100 });
export const NewSupplierRating = Type.Object({
  month: Month,
  quality: Dim, delivery: Dim, service: Dim, price: Dim,
  rater: Type.Optional(Type.String({ maxLength: 200 })),
  notes: Type.Optional(Type.String({ maxLength: 10000 })),
});
