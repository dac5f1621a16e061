// The shape of a validated template, which the rest of the package and its callers rely on after loadTemplate says yes.

import type { Message } from '@fixops/shared';

/** Something with a Chinese and an English name. */
export interface Named {
  id: string;
  zh: string;
  en: string;
}

/** A scored line on the form: `front_desk.core_process.appointment_call`. */
export interface TemplateItem extends Named {
  max: number;
  /** How to score it (the deduction rule, what to look at). */
  guide?: Message;
}

/** A module of a department: `front_desk.core_process`. Items are optional: a module can be scored directly. */
export interface TemplateModule extends Named {
  max: number;
  passRate?: number;
  guide?: Message;
  items?: TemplateItem[];
}

/** A department: `front_desk`. */
export interface TemplateSection extends Named {
  max: number;
  passRate?: number;
  guide?: Message;
  modules: TemplateModule[];
}

/** An on-site checklist scored in points: sections → modules → items. */
export interface PointsTemplate extends Named {
  version: number;
  kind: 'points';
  description?: Message;
  /** Declared total; the sections add up to it. */
  max: number;
  /** Share of a max needed to pass, for every level that does not set its own (default 0.7). */
  passRate: number;
  sections: TemplateSection[];
}

/** A dimension of a weighted scorecard (all dimensions share one scale, e.g. 100). */
export interface TemplateDimension extends Named {
  max: number;
  guide?: Message;
  items?: TemplateItem[];
}

/** The weight of each dimension for one class of the rated thing (a supplier class). */
export interface WeightClass extends Named {
  weights: Record<string, number>;
}

/** A grade band: composite >= min (the next band up starts where this one ends). */
export interface GradeBand {
  grade: string;
  min: number;
  zh: string;
  en: string;
}

export type PeriodOutcome = 'suspended' | 'disqualified';

/** N calendar-consecutive months at a grade. */
export interface ConsecutiveRule {
  rule: 'consecutive';
  grade: string;
  months: number;
  outcome: PeriodOutcome;
  note?: Message;
}

/** Any dimension scored 0 in a period. */
export interface AnyDimensionZeroRule {
  rule: 'any_dimension_zero';
  outcome: PeriodOutcome;
  note?: Message;
}

export type PeriodRule = ConsecutiveRule | AnyDimensionZeroRule;

/** A scorecard whose dimensions are combined with class weights into a graded composite. */
export interface WeightedTemplate extends Named {
  version: number;
  kind: 'weighted';
  description?: Message;
  dimensions: TemplateDimension[];
  weights: { sumTo: number; classes: WeightClass[] };
  /** Highest band first; the last band starts at 0. */
  grades: GradeBand[];
  periodRules: PeriodRule[];
}

export type Template = PointsTemplate | WeightedTemplate;
export type TemplateKind = Template['kind'];
