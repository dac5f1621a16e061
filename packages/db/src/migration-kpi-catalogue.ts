// Migration 14 (helper K14): the KPI catalogue the stored values were computed with, one
// fingerprint per KPI, so a start or `fixops recompute` sees which KPI files were added,
// changed or removed since, recomputes, and says so in the load log.

import type { Migration } from './migrations.js';

export const kpiCatalogueMigration: Migration = {
  version: 14,
  name: 'KPI catalogue fingerprints: which KPI definitions the stored values were computed with',
  sql: `
    CREATE TABLE kpi_catalogue (
      kpi VARCHAR PRIMARY KEY,
      fingerprint VARCHAR NOT NULL,
      file VARCHAR,
      updated_at TIMESTAMP NOT NULL
    );
  `,
};
