// How a cell of the rows table reads: amounts as money, mileage as a count, the repair type in the
// page's language, yes/no for the numerator marks, — for nothing. Timestamps stay as the API
// gives them (YYYY-MM-DD HH:MM:SS), which is also how they sort.

import { formatCount, formatMoney, NONE } from '../format.js';
import { t, type Lang, type MessageKey } from '../i18n.js';

const MONEY = /_amount$/;

export function cellText(column: string, value: string | number | boolean | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return NONE;
  if (typeof value === 'boolean') return t(lang, value ? 'drill.yes' : 'drill.no');
  if (typeof value === 'number') return MONEY.test(column) ? formatMoney(value, lang) : formatCount(value, lang);
  if (column === 'repair_type') {
    const key = `repair.${value}` as MessageKey;
    return key in REPAIR ? t(lang, key) : value;
  }
  return value;
}

/** Numbers right-aligned. */
export function isNumeric(column: string): boolean {
  return MONEY.test(column) || column === 'mileage';
}

const REPAIR: Record<string, true> = Object.fromEntries(
  ['maintenance', 'general', 'accident', 'warranty', 'recall', 'rework', 'internal', 'unclassified'].map((k) => [`repair.${k}`, true]),
);
