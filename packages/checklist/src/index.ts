// @fixops/checklist: assessment templates, their validation and scoring, period rules and coaching rules; no database.

export * from './types.js';
export { TEMPLATE_SCHEMA } from './schema.js';
export { loadTemplate, DEFAULT_PASS_RATE } from './load-template.js';
export { scoreAssessment, passRateOf, lineCount, partialRate, type Progress, type ScoreOptions, type ScoreEntry, type ItemScore, type ModuleScore, type SectionScore, type Scorecard } from './score.js';
export { scoreWeighted, gradeFor, type WeightedInput, type WeightedScore, type DimensionScore } from './weighted.js';
export { applyPeriodRules, type PeriodRecord, type PeriodStatus, type PeriodStatusKind, type PeriodTrigger } from './period-rules.js';
export * from './coaching.js';
export * from './files.js';
export { rational, exactSum, type Rational } from './rational.js';
