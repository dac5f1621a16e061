// Flat export list of the reference implementation of kpis.md.

export { DEFAULT_SETTINGS, median, percentileCont, referenceKpis } from './computeKpis.js';
export { REF_KPIS, REF_KPI_IDS, betterDirection, kpiPosition } from './catalogue.js';
export type { Better } from './catalogue.js';
export { compareFlags, referenceFlags } from './flags.js';
export { dealerMonths, referenceValues } from './values.js';
export { monthKey, parseLocalTime, parseMonthKey } from './time.js';
export type * from './types.js';
