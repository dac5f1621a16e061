// The catalogue of kpis.md reduced to what the reference needs: the order of the KPIs
// (values and flags are listed in it) and which direction is better (peer flags).

import type { KpiId } from './types.js';

export type Better = 'higher' | 'lower';

export const REF_KPIS: readonly { id: KpiId; better: Better }[] = [
  { id: 'ro_count', better: 'higher' },
  { id: 'accident_ro_count', better: 'higher' },
  { id: 'accident_share', better: 'higher' },
  { id: 'accident_avg_value', better: 'higher' },
  { id: 'major_accident_count', better: 'higher' },
  { id: 'revenue', better: 'higher' },
  { id: 'revenue_per_ro', better: 'higher' },
  { id: 'warranty_share', better: 'lower' },
  { id: 'booking_rate', better: 'higher' },
  { id: 'booking_show_rate', better: 'higher' },
  { id: 'on_time_rate', better: 'higher' },
  { id: 'promise_coverage', better: 'higher' },
  { id: 'time_estimate_accuracy', better: 'higher' },
  { id: 'cost_estimate_accuracy', better: 'higher' },
  { id: 'care_product_penetration', better: 'higher' },
  { id: 'rework_rate', better: 'lower' },
  { id: 'unclassified_rate', better: 'lower' },
  { id: 'base_customers', better: 'higher' },
  { id: 'churn_rate', better: 'lower' },
  { id: 'data_completeness', better: 'higher' },
];

export const REF_KPI_IDS: readonly KpiId[] = REF_KPIS.map((k) => k.id);

export function kpiPosition(id: KpiId): number {
  return REF_KPI_IDS.indexOf(id);
}

export function betterDirection(id: KpiId): Better {
  const found = REF_KPIS.find((k) => k.id === id);
  if (found === undefined) throw new Error(`unknown KPI ${id}`);
  return found.better;
}
