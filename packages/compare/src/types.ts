// The shapes of a comparison: the file as written, the file resolved against a database
// (dealers, month, targets), and the scorecard it produces.

import type { Direction, KpiId, Unit } from '@fixops/metrics';
import type { Message } from '@fixops/shared';

/** Every composite is out of this many points; the weights add up to it. */
export const TOTAL_POINTS = 1000;

export interface Band {
  min: number;
  zh: string;
  en: string;
  color: string;
}

export interface DealerSelector {
  all?: true;
  codes?: string[];
  regions?: string[];
  groups?: string[];
  exclude?: string[];
}

export interface KpiSpec {
  kpi: KpiId;
  weight: number;
  /** Absent: the setting target.<kpi> of the database. */
  target?: number;
  /** Absent: 0 when higher is better, 2 × target when lower is better. */
  floor?: number;
}

export interface ChecklistSpec {
  weight: number;
  template?: string;
  target: number;
  floor: number;
  /** The file gave the target (otherwise 1 = 100%). */
  targetGiven?: boolean;
}

export type CompareWith = 'previous_month' | 'previous_year';

/** A comparison file after validation, with defaults filled in. */
export interface Comparison {
  id: string;
  title: Message;
  description?: Message;
  dealers: DealerSelector;
  month: string;
  compareWith: CompareWith;
  kpis: KpiSpec[];
  checklist?: ChecklistSpec;
  bands: Band[];
  /** The file it was read from, when it was. */
  file?: string;
}

/** One scored part of the composite: a KPI or the checklist. */
export interface Component {
  /** A KPI id, or "checklist". */
  id: string;
  kind: 'kpi' | 'checklist';
  zh: string;
  en: string;
  unit: Unit;
  better: Direction;
  weight: number;
  target: number;
  floor: number;
  /** Where the target came from. */
  targetSource: 'file' | 'setting' | 'default';
}

export interface DealerInfo {
  dealer: string;
  name: string | null;
  region: string | null;
  group: string;
}

export interface ComponentScore {
  id: string;
  value: number | null;
  /** 0..1, null without a value. */
  attainment: number | null;
  /** weight × attainment; 0 without a value. */
  points: number;
  /** The value is null (KPI not tracked, or no assessment): 0 points. */
  noData: boolean;
  /** Null because the dealer's history is still warming up (数据积累中), not because it is untracked. */
  warming?: true;
}

export interface Gap {
  id: string;
  value: number | null;
  median: number;
  /** How far worse than the median, in the KPI's unit (positive = worse); null without a value. */
  units: number | null;
  /** Points the median value would earn minus the points earned (positive = behind). */
  points: number;
}

export interface DealerScore extends DealerInfo {
  components: ComponentScore[];
  /** Sum of the components' points, full precision. */
  composite: number;
  /** The composite rounded to 0.1 point: what is shown, ranked and banded. */
  score: number;
  band: Band;
  /** 1 = best; ties (same shown score) share the better rank. */
  rank: number;
  previous: { month: string; score: number; rank: number } | null;
  /** score − previous score, and places gained (previous rank − rank); null without a previous score. */
  change: { score: number; rank: number } | null;
  /** Up to three components where the dealer is furthest behind the group median, in points. */
  gaps: Gap[];
}

export interface ComparisonResult {
  id: string;
  title: Message;
  description?: Message;
  file?: string;
  month: string;
  previousMonth: string;
  compareWith: CompareWith;
  components: Component[];
  bands: Band[];
  /** Group median of each component's value (null when no dealer has one). */
  medians: Record<string, number | null>;
  /** Ranked, best first; dealers with no KPI values this month are listed in `missing`. */
  rows: DealerScore[];
  missing: DealerInfo[];
  /** How the selection was made, in words. */
  selection: Message;
}
