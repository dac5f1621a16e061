// Which KPI definitions the stored values were computed with (kpi_catalogue, one fingerprint per
// KPI) against the catalogue in use: what was added, changed or removed. A full recompute stores
// the catalogue in use and, when it differs from the stored one, writes a load-log entry naming
// the changes (status `kpi_catalogue`).

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson, quotedString } from '@fixops/db';
import { catalogueDir, KPIS } from '../catalog.js';

export interface CatalogueChange {
  added: string[];
  changed: string[];
  removed: string[];
}

export const noChange = (c: CatalogueChange) => c.added.length + c.changed.length + c.removed.length === 0;

/** The differences between the stored catalogue and the one in use; `stored` is false when nothing was stored yet. */
export async function catalogueChanges(c: DuckDBConnection): Promise<CatalogueChange & { stored: boolean }> {
  const rows = await queryJson<{ kpi: string; fingerprint: string }>(c, 'SELECT kpi, fingerprint FROM kpi_catalogue');
  const stored = new Map(rows.map((r) => [r.kpi, r.fingerprint]));
  const now = new Set(KPIS.map((k) => k.id));
  return {
    stored: rows.length > 0,
    added: KPIS.filter((k) => !stored.has(k.id)).map((k) => k.id),
    changed: KPIS.filter((k) => stored.has(k.id) && stored.get(k.id) !== k.fingerprint).map((k) => k.id),
    removed: rows.map((r) => r.kpi).filter((k) => !now.has(k)).sort(),
  };
}

/** The change in words: "新增 added: a, b; 修改 changed: c; 删除 removed: d". */
export function changeText(ch: CatalogueChange): string {
  const part = (zh: string, en: string, ids: string[]) => (ids.length ? [`${zh} ${en}: ${ids.join(', ')}`] : []);
  return [...part('新增', 'added', ch.added), ...part('修改', 'changed', ch.changed), ...part('删除', 'removed', ch.removed)].join('; ');
}

/** Stores the catalogue in use; when it changed since the stored one, logs the change in the load log. */
export async function storeCatalogue(c: DuckDBConnection, ch: CatalogueChange & { stored: boolean }, ms: number): Promise<void> {
  await c.run('DELETE FROM kpi_catalogue');
  // one statement for every KPI (a statement each cost ~2 ms, ~40 ms per full recompute)
  if (KPIS.length > 0) {
    await c.run(`INSERT INTO kpi_catalogue VALUES ${KPIS.map((k) => `(${quotedString(k.id)}, ${quotedString(k.fingerprint)}, ${quotedString(k.file)}, current_timestamp::TIMESTAMP)`).join(', ')}`);
  }
  if (!ch.stored || noChange(ch)) return;
  await c.run(`
    INSERT INTO loads (id, file_name, kind, status, dealers, months, rows_loaded, rows_rejected, rows_skipped, rows_duplicate, uploaded_by, started_at, ms)
    VALUES (nextval('load_id_seq'), $file, NULL, 'kpi_catalogue', []::VARCHAR[], []::VARCHAR[], 0, 0, 0, 0, 'fixops', current_timestamp::TIMESTAMP, $ms)`,
  { file: `KPI 目录 catalogue ${catalogueDir()}: ${changeText(ch)}`, ms });
}
