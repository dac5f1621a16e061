// The shape of a KPI file once it is checked: what validate.ts returns and compile.ts reads.

import type { KpiTable } from './columns.js';

export interface SettingRef {
  setting: string;
}

/** The right-hand side of a comparison: a number, a setting, or another column (optionally × a number or setting). */
export type Operand = number | SettingRef | { column: string; times?: number | SettingRef };

export const VALUE_OPS = ['equals', 'not_equals', 'in', 'not_in'] as const;
export const COMPARE_OPS = ['gt', 'gte', 'lt', 'lte'] as const;
export const PRESENCE_OPS = ['null', 'not_null', 'empty', 'not_empty'] as const;
export type ConditionOp = (typeof VALUE_OPS)[number] | (typeof COMPARE_OPS)[number] | (typeof PRESENCE_OPS)[number];
export const CONDITION_OPS: readonly ConditionOp[] = [...VALUE_OPS, ...COMPARE_OPS, ...PRESENCE_OPS];

export interface Condition {
  column: string;
  op: ConditionOp;
  /** equals/not_equals: one value; in/not_in: a list; comparisons: an operand; presence tests: none. */
  arg?: string | number | (string | number)[] | Operand;
}

export interface Measure {
  fn: 'count' | 'sum';
  table: KpiTable;
  /** The column summed (sum only). */
  column?: string;
  where: Condition[];
}

export type ValueSpec = { kind: 'measure'; measure: Measure } | { kind: 'ratio'; numerator: Measure; denominator: Measure };

export type FileUnit = 'ratio' | 'count' | 'money' | 'days';

export interface KpiFile {
  id: string;
  name: { zh: string; en: string };
  unit: FileUnit;
  better: 'higher' | 'lower';
  description: { zh: string; en: string };
  formula?: { zh: string; en: string };
  target?: { op: '>=' | '<='; value: number };
  builtin: boolean;
  value?: ValueSpec;
}
