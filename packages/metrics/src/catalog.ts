// The KPI catalogue, a runtime value loaded from the KPI files (data/kpis/*.yaml, or
// FIXOPS_KPIS_DIR): what each KPI is called, its unit, which direction is better, its formula
// in words and how it is computed. Everything else (SQL, flags, settings, UI) reads from here.
// It is loaded when this module is first imported (so the CLI, the API and the web server have
// it at start) and again by `reloadCatalogue()` (fixops recompute). The ids of the KPIs that
// ship with the product are a type, so code that names one is still checked.

import type { FixopsError, Result } from '@fixops/shared';
import { err, ok } from '@fixops/shared';
import { kpisDir, loadKpiDir, SHIPPED_KPIS_DIR, type LoadedKpi } from './catalogue/load.js';
import type { ValueSpec } from './catalogue/types.js';

/** The KPIs of kpis.md, shipped as files: code may refer to these by name. */
export const BUILTIN_KPI_IDS = [
  'ro_count', 'accident_ro_count', 'accident_share', 'accident_avg_value', 'major_accident_count',
  'revenue', 'revenue_per_ro', 'warranty_share', 'booking_rate', 'booking_show_rate',
  'on_time_rate', 'promise_coverage', 'time_estimate_accuracy', 'cost_estimate_accuracy', 'care_product_penetration',
  'rework_rate', 'unclassified_rate', 'base_customers', 'churn_rate', 'data_completeness',
] as const;
export type BuiltinKpiId = (typeof BUILTIN_KPI_IDS)[number];
/** A KPI id: one of the shipped ones, or one a network added as a file. */
export type KpiId = BuiltinKpiId | (string & {});

/** Units and their formatting live in @fixops/shared. */
export type { Unit } from '@fixops/shared';
import type { Unit } from '@fixops/shared';
export type Direction = 'higher' | 'lower';

export interface KpiDefinition {
  id: KpiId;
  zh: string;
  en: string;
  unit: Unit;
  better: Direction;
  description: { zh: string; en: string };
  formula: { zh: string; en: string };
  /** The default target of the file (the setting `target.<id>` starts from it). */
  target?: { op: '>=' | '<='; value: number };
  /** Computed by the engine itself (customer windows, data completeness, the accident fall-back). */
  builtin: boolean;
  /** Not one of the KPIs that ship with the product: a network added it. */
  custom: boolean;
  /** How the value is computed (absent for builtin ones). */
  value?: ValueSpec;
  file: string;
  fingerprint: string;
}

function definitionOf(k: LoadedKpi): KpiDefinition {
  return {
    id: k.id, zh: k.name.zh, en: k.name.en, unit: k.displayUnit, better: k.better, description: k.description, formula: k.formulaText,
    ...(k.target ? { target: k.target } : {}), builtin: k.builtin, custom: !(BUILTIN_KPI_IDS as readonly string[]).includes(k.id),
    ...(k.value ? { value: k.value } : {}), file: k.file, fingerprint: k.fingerprint,
  };
}

export let KPIS: readonly KpiDefinition[] = [];
export let KPI_IDS: readonly KpiId[] = [];
let BY_ID = new Map<string, KpiDefinition>();
let DIR = '';
const listeners: (() => void)[] = [];

/** Makes `kpis` the catalogue of this process. */
export function useCatalogue(kpis: readonly KpiDefinition[], dir = DIR): void {
  KPIS = kpis;
  KPI_IDS = kpis.map((d) => d.id);
  BY_ID = new Map(kpis.map((d) => [d.id, d]));
  DIR = dir;
  for (const l of listeners) l();
}

/** Runs `fn` now and after every catalogue change (settings derive their targets this way). */
export function onCatalogueChange(fn: () => void): void {
  listeners.push(fn);
  fn();
}

/** The KPI definitions of a folder, checked (not yet in use). */
export function readCatalogue(dir: string = kpisDir()): Result<KpiDefinition[]> {
  const r = loadKpiDir(dir);
  return r.ok ? ok(r.value.map(definitionOf)) : r;
}

let problem: FixopsError | null = null;

/** Reads the KPI files again (FIXOPS_KPIS_DIR or the shipped ones) and uses them; a bad file keeps the catalogue as it was. */
export function reloadCatalogue(dir: string = kpisDir()): Result<readonly KpiDefinition[]> {
  const r = readCatalogue(dir);
  if (!r.ok) {
    problem = r.error;
    return r;
  }
  problem = null;
  useCatalogue(r.value, dir);
  return ok(KPIS);
}

/** Why the KPI files could not be used at start (the shipped catalogue is in use instead), or null. */
export function catalogueProblem(): FixopsError | null {
  return problem;
}

/** The folder the catalogue in use was read from. */
export function catalogueDir(): string {
  return DIR;
}

// At start: the configured folder; if one of its files is bad, the shipped catalogue, and the
// problem is kept for the CLI and the server to report (a module import never throws at a user).
{
  const dir = kpisDir();
  const first = reloadCatalogue(dir);
  if (!first.ok && dir !== SHIPPED_KPIS_DIR) {
    const saved = first.error;
    const shipped = readCatalogue(SHIPPED_KPIS_DIR);
    if (shipped.ok) useCatalogue(shipped.value, SHIPPED_KPIS_DIR);
    problem = saved;
  }
}

export function kpiDefinition(id: string): KpiDefinition | undefined {
  return BY_ID.get(id);
}

export function isKpiId(id: string): id is KpiId {
  return BY_ID.has(id);
}

/** A refusal for an unusable KPI folder, as the CLI and the API report it. */
export function catalogueError(): Result<never> | null {
  return problem ? err(problem.code, problem.message, problem.details) : null;
}
