// The KPI facts the pages need together: name (zh/en), unit, better direction (from the API's
// catalogue) and target (from settings `target.<kpi>`, where one exists).

import type { CatalogEntry, Setting } from './api.js';
import type { Direction, Unit } from './format.js';
import type { Lang } from './i18n.js';

export interface KpiMeta {
  id: string;
  zh: string;
  en: string;
  unit: Unit;
  better: Direction;
  target: number | null;
  description: { zh: string; en: string };
}

export type KpiTable = Record<string, KpiMeta>;

export function kpiTable(catalog: readonly CatalogEntry[], settings: readonly Setting[]): KpiTable {
  const targets = new Map(settings.filter((s) => s.key.startsWith('target.')).map((s) => [s.key.slice('target.'.length), s.value]));
  const out: KpiTable = {};
  for (const k of catalog) {
    out[k.id] = { id: k.id, zh: k.zh, en: k.en, unit: k.unit, better: k.better, target: targets.get(k.id) ?? null, description: k.description };
  }
  return out;
}

export function kpiName(table: KpiTable, id: string, lang: Lang): string {
  const k = table[id];
  return k ? k[lang] : id;
}

/** The key KPIs of the overview and the dealer page, in display order. */
export const KEY_KPIS = ['ro_count', 'revenue_per_ro', 'booking_rate', 'on_time_rate', 'cost_estimate_accuracy', 'churn_rate', 'data_completeness'] as const;
