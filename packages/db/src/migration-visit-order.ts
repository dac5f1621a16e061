// Migration 15 (helper P14): visit_intervals stored in (dealer_code, vin, mi) order. A load
// re-derives the intervals of the VINs it touched at its dealers only; with the rows kept
// together per dealer, DuckDB skips every other dealer's row groups by their min/max instead of
// reading all of them (three scans of the whole table per load before). New intervals are
// appended in the same order (compute/intervals.ts), so the order holds up over loads.

import type { Migration } from './migrations.js';

export const visitOrderMigration: Migration = {
  version: 15,
  name: "visit intervals stored in dealer order, so a load reads only its dealers' rows",
  sql: `
    CREATE TABLE visit_intervals_ordered (
      dealer_code VARCHAR NOT NULL,
      vin VARCHAR NOT NULL,
      mi INTEGER NOT NULL,
      next_mi INTEGER
    );
    INSERT INTO visit_intervals_ordered SELECT dealer_code, vin, mi, next_mi FROM visit_intervals ORDER BY dealer_code, vin, mi;
    DROP TABLE visit_intervals;
    ALTER TABLE visit_intervals_ordered RENAME TO visit_intervals;
  `,
};
