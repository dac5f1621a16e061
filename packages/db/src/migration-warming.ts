// Migration 12 (helper W14): history coverage of kpis.md ("warming up") and visit intervals. A customers file's
// as_of (the month of its latest last_visit_time) is recorded per load and dealer when it
// loads: the rows a snapshot stores are only those not already known, so their own latest
// month can understate the file's. kpi_coverage keeps, per dealer, the first month whose
// customer windows are known (NULL: none yet), so that a load that moves it can widen its
// incremental recompute to every month whose warming status changed.
// visit_intervals holds each VIN's visit months at a dealer with the next one, kept current by
// every load and undo, so that a full recompute reads the customer windows' intervals instead
// of sorting every visit event again; visit_month_counts sums what those intervals add to each
// month (VINs entering minus leaving the 12-month window, VINs churned), kept current with them.
// Databases loaded before get the as_of of what each load stored (the best still known); the
// full recompute that follows this migration fills kpi_coverage and visit_intervals.

import type { Migration } from './migrations.js';

export const warmingMigration: Migration = {
  version: 12,
  name: 'warming up: as_of of each customers load per dealer, first known customer-window month per dealer; visit intervals per VIN',
  sql: `
    CREATE TABLE customer_snapshots (
      load_id BIGINT NOT NULL,
      dealer_code VARCHAR NOT NULL,
      as_of DATE NOT NULL
    );
    INSERT INTO customer_snapshots
    SELECT load_id, dealer_code, max(as_of) OVER (PARTITION BY load_id) FROM (
      SELECT load_id, dealer_code, max(date_trunc('month', last_visit_time))::DATE AS as_of FROM customer_visits GROUP BY ALL
    );
    CREATE TABLE kpi_coverage (
      dealer_code VARCHAR NOT NULL,
      known_from DATE
    );
    CREATE TABLE visit_intervals (
      dealer_code VARCHAR NOT NULL,
      vin VARCHAR NOT NULL,
      mi INTEGER NOT NULL,
      next_mi INTEGER
    );
    CREATE TABLE visit_month_counts (
      dealer_code VARCHAR NOT NULL,
      mi INTEGER NOT NULL,
      delta BIGINT NOT NULL,
      churned BIGINT NOT NULL
    );
  `,
};
