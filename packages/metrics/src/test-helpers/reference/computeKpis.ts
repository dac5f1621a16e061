// Entry point of the reference implementation of kpis.md: values of every dealer-month
// and KPI, and the flags on them. Plain loops, no DuckDB, written to be read, not to be fast.

import { referenceFlags } from './flags.js';
import type { RefFlag, RefInput, RefSettings, RefValue } from './types.js';
import { referenceValues } from './values.js';

export { median, percentileCont } from './stats.js';

/** The defaults of kpis.md: thresholds and every listed target. */
export const DEFAULT_SETTINGS: RefSettings = {
  majorAccidentAmount: 10000,
  timeEstimateToleranceMinutes: 30,
  costEstimateTolerance: 0.1,
  targets: {
    booking_rate: { op: '>=', value: 0.3 },
    booking_show_rate: { op: '>=', value: 0.8 },
    on_time_rate: { op: '>=', value: 0.9 },
    promise_coverage: { op: '>=', value: 0.95 },
    time_estimate_accuracy: { op: '>=', value: 0.8 },
    cost_estimate_accuracy: { op: '>=', value: 0.85 },
    care_product_penetration: { op: '>=', value: 0.3 },
    warranty_share: { op: '<=', value: 0.3 },
    rework_rate: { op: '<=', value: 0.02 },
    unclassified_rate: { op: '<=', value: 0.02 },
    churn_rate: { op: '<=', value: 0.03 },
    data_completeness: { op: '>=', value: 0.9 },
  },
};

export function referenceKpis(input: RefInput): { values: RefValue[]; flags: RefFlag[] } {
  const values = referenceValues(input);
  const flags = referenceFlags(values, input.dealers, input.settings);
  return { values, flags };
}
