// Checklist templates, on-site assessments and their scorecards, reports.

import { Type } from 'typebox';
import { Lang, Month, Nullable } from './common.js';

export const TemplateSummary = Type.Object({
  id: Type.String(), version: Type.Number(), zh: Type.String(), en: Type.String(), kind: Type.String(), max: Type.Number(),
});
export const Templates = Type.Array(TemplateSummary);

const Score = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }), score: Type.Number(), note: Type.Optional(Type.String({ maxLength: 2000 })) });

export const NewAssessment = Type.Object({
  dealer: Type.String({ minLength: 1, maxLength: 64 }),
  date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' }),
  template: Type.Optional(Type.String({ minLength: 1, maxLength: 100, default: 'dealer-aftersales' })),
  assessor: Type.Optional(Type.String({ maxLength: 200 })),
  notes: Type.Optional(Type.String({ maxLength: 10000 })),
  scores: Type.Array(Score, { maxItems: 5000 }),
  /** The data month the visit is read against; default: the dealer's latest month with data on or before the date. */
  month: Type.Optional(Month),
  /** Finish the visit now: lines left unscored count 0 and it is judged pass or fail (the form asks first). */
  finish: Type.Optional(Type.Boolean()),
});

/** Saving a draft again (PUT /api/assessments/:id): its scores as they are now, optionally finishing it. */
export const UpdateAssessment = Type.Object({
  date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' }),
  month: Type.Optional(Month),
  assessor: Type.Optional(Type.String({ maxLength: 200 })),
  notes: Type.Optional(Type.String({ maxLength: 10000 })),
  scores: Type.Array(Score, { maxItems: 5000 }),
  finish: Type.Optional(Type.Boolean()),
});

/** The checklist package's scorecard: totals here, sections and modules as it scores them. */
export const Scorecard = Type.Object({ total: Type.Number(), max: Type.Number() }, { additionalProperties: true });

/** A visit's state: a draft (complete false, passed null: never a pass or a fail) shows scored/items lines. */
const VisitState = {
  /** The data month (YYYY-MM) whose KPIs the visit is read against. */
  month: Type.String(),
  /** null while the visit is a draft. */
  passed: Nullable(Type.Boolean()), complete: Type.Boolean(),
  /** Lines of the form scored, and lines to score. */
  scored: Type.Integer(), items: Type.Integer(),
  /** Finished with lines left unscored (they count 0). */
  finished: Type.Boolean(),
};

export const AssessmentSummary = Type.Object({
  id: Type.Integer(), dealer: Type.String(), date: Type.String(), assessor: Nullable(Type.String()),
  templateId: Type.String(), templateVersion: Type.Number(), total: Type.Number(), max: Type.Number(), rate: Type.Number(),
  ...VisitState,
});
export const AssessmentList = Type.Array(AssessmentSummary);

export const Assessment = Type.Object({
  id: Type.Integer(), dealer: Type.String(), date: Type.String(), assessor: Nullable(Type.String()),
  templateId: Type.String(), templateVersion: Type.Number(), total: Type.Number(), max: Type.Number(), rate: Type.Number(),
  ...VisitState,
  notes: Nullable(Type.String()),
  scores: Type.Array(Type.Object({ id: Type.String(), score: Type.Number(), note: Type.Optional(Type.String()) })),
  scorecard: Scorecard,
});

export const Created = Type.Object({ id: Type.Integer(), scorecard: Scorecard });

export const ReportQuery = Type.Object({
  month: Month,
  format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('md')], { default: 'html' })),
  lang: Type.Optional(Lang),
});
