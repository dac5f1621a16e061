// The rows behind a KPI's number, as SQL a rows query can reuse: for a KPI computed from a file,
// its table and the WHERE filters of its numerator and denominator (the same ones the value is
// computed with), with the settings they use as parameters.

import { kpiDefinition } from './catalog.js';
import { rowsSpecOf, type KpiRowsSpec } from './catalogue/compile.js';
import type { Settings } from './settings.js';

/**
 * The rows spec of `kpi` under `settings` (e.g. readSettings()): undefined for an unknown KPI and
 * for the built-in ones (customer windows, data_completeness, the accident fall-back rule).
 * Run as `SELECT ... FROM <table> WHERE dealer_code = $dealer AND month = $month AND (<where>)`
 * with `params`; `coalesce(<numerator.where>, false)` marks the rows in the numerator.
 */
export function kpiRowsSpec(kpi: string, settings: Settings): KpiRowsSpec | undefined {
  const d = kpiDefinition(kpi);
  return d?.value ? rowsSpecOf(d.id, d.value, settings) : undefined;
}
