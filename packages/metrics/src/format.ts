// How KPI values read in flag sentences and CLI tables: the shared unit-aware formatter
// (@fixops/shared formatValue, the one the dashboard uses), with a missing value said in words.

import { formatValue, isFiniteNumber, NOT_TRACKED, pick, WARMING_UP, type Lang } from '@fixops/shared';
import type { Unit } from './catalog.js';

/** A KPI value in its unit; a missing one reads 未统计 / n/a, or 数据积累中 / warming up while its history accumulates. */
export function valueText(value: number | null, unit: Unit, lang: Lang, status?: 'ok' | 'not_tracked' | 'warming_up'): string {
  if (isFiniteNumber(value)) return formatValue(value, unit, lang);
  return pick(lang, status === 'warming_up' ? WARMING_UP : NOT_TRACKED);
}
