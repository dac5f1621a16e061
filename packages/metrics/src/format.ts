// How KPI values read in flag sentences and CLI tables: the shared unit-aware formatter
// (@fixops/shared formatValue, the one the dashboard uses), with a missing value said in words.

import { formatValue, isFiniteNumber, NOT_TRACKED, pick, type Lang } from '@fixops/shared';
import type { Unit } from './catalog.js';

/** A KPI value in its unit; a missing one reads 未统计 / n/a. */
export function valueText(value: number | null, unit: Unit, lang: Lang): string {
  return isFiniteNumber(value) ? formatValue(value, unit, lang) : pick(lang, NOT_TRACKED);
}
