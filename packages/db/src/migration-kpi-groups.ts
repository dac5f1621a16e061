// Migration 18: the per-month groups of the KPI engine kept between recomputes. A full recompute
// reads each export table in two stages (metrics' catalogue/passes.ts); stage 1 — one row per
// dealer, month and repair type (or booking status) with the counts and exact sums every KPI
// needs — is now kept current by every load and undo in kpi_groups_<table>, whose columns follow
// the KPI files, so those tables are made by the engine itself. This table records what each was
// built for (a fingerprint of its SQL and the settings it uses): a KPI file or threshold change
// makes the engine rebuild it from the rows.

import type { Migration } from './migrations.js';

export const kpiGroupsMigration: Migration = {
  version: 18,
  name: 'the KPI engine\'s per-month groups: what each kept table was built for',
  sql: `
    CREATE TABLE kpi_groups_state (
      source VARCHAR NOT NULL,
      fingerprint VARCHAR NOT NULL,
      built_at TIMESTAMP NOT NULL
    );`,
};
