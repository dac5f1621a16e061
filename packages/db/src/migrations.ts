// Versioned schema migrations. A database made by an older version opens and upgrades
// itself: each migration runs once, in order, inside its own transaction.

import { accountsMigration } from './migration-accounts.js';
import { auditMigration } from './migration-audit.js';
import { scorecardsMigration } from './migration-scorecards.js';
import { actionsMigration } from './migration-actions.js';
import { kpiCatalogueMigration } from './migration-kpi-catalogue.js';
import { visitOrderMigration } from './migration-visit-order.js';
import { warmingMigration } from './migration-warming.js';
import { assessmentDraftsMigration } from './migration-assessment-drafts.js';
import { dealerNamesMigration } from './migration-dealer-names.js';
import { kpiGroupsMigration } from './migration-kpi-groups.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'core tables: dealers, exports, load log, rejected rows',
    sql: `
      CREATE SEQUENCE load_id_seq START 1;
      CREATE TABLE dealers (
        dealer_code VARCHAR PRIMARY KEY,
        name VARCHAR,
        region VARCHAR,
        peer_group VARCHAR NOT NULL DEFAULT 'default',
        city VARCHAR,
        load_id BIGINT
      );
      CREATE TABLE repair_orders (
        dealer_code VARCHAR NOT NULL,
        month DATE NOT NULL,
        ro_no VARCHAR NOT NULL,
        vin VARCHAR NOT NULL,
        open_time TIMESTAMP NOT NULL,
        repair_type VARCHAR NOT NULL,
        repair_type_raw VARCHAR,
        total_amount DOUBLE,
        promised_time TIMESTAMP,
        delivered_time TIMESTAMP,
        advisor VARCHAR,
        labor_amount DOUBLE,
        parts_amount DOUBLE,
        estimate_amount DOUBLE,
        booking_no VARCHAR,
        care_products_amount DOUBLE,
        mileage BIGINT,
        load_id BIGINT NOT NULL
      );
      CREATE TABLE bookings (
        dealer_code VARCHAR NOT NULL,
        month DATE NOT NULL,
        booking_no VARCHAR NOT NULL,
        appointment_time TIMESTAMP NOT NULL,
        status VARCHAR NOT NULL,
        status_raw VARCHAR,
        vin VARCHAR,
        created_time TIMESTAMP,
        channel VARCHAR,
        advisor VARCHAR,
        load_id BIGINT NOT NULL
      );
      CREATE TABLE accident_repairs (
        dealer_code VARCHAR NOT NULL,
        month DATE NOT NULL,
        ro_no VARCHAR NOT NULL,
        open_time TIMESTAMP NOT NULL,
        repair_amount DOUBLE,
        vin VARCHAR,
        insurer VARCHAR,
        assessed_amount DOUBLE,
        load_id BIGINT NOT NULL
      );
      CREATE TABLE customer_visits (
        dealer_code VARCHAR NOT NULL,
        vin VARCHAR NOT NULL,
        last_visit_time TIMESTAMP NOT NULL,
        customer_id VARCHAR,
        purchase_date TIMESTAMP,
        load_id BIGINT NOT NULL
      );
      CREATE TABLE loads (
        id BIGINT PRIMARY KEY,
        file_name VARCHAR NOT NULL,
        checksum VARCHAR,
        kind VARCHAR,
        status VARCHAR NOT NULL,
        dealers VARCHAR[] NOT NULL,
        months VARCHAR[] NOT NULL,
        rows_loaded BIGINT NOT NULL,
        rows_rejected BIGINT NOT NULL,
        rows_skipped BIGINT NOT NULL,
        rows_duplicate BIGINT NOT NULL,
        columns_mapped JSON,
        columns_ignored VARCHAR[],
        columns_dropped VARCHAR[],
        encoding VARCHAR,
        separator VARCHAR,
        error_code VARCHAR,
        error_message JSON,
        uploaded_by VARCHAR,
        started_at TIMESTAMP NOT NULL,
        ms BIGINT NOT NULL
      );
      CREATE TABLE rejected_rows (
        load_id BIGINT NOT NULL,
        row_no BIGINT NOT NULL,
        column_name VARCHAR,
        value VARCHAR,
        reason VARCHAR NOT NULL,
        raw_text VARCHAR
      );
    `,
  },
  {
    version: 2,
    name: 'KPI engine: settings, KPI values per dealer-month, flags',
    sql: `
      CREATE TABLE settings (
        key VARCHAR PRIMARY KEY,
        value DOUBLE NOT NULL,
        updated_at TIMESTAMP NOT NULL
      );
      CREATE TABLE kpi_values (
        dealer_code VARCHAR NOT NULL,
        month DATE NOT NULL,
        kpi VARCHAR NOT NULL,
        value DOUBLE
      );
      CREATE TABLE kpi_flags (
        dealer_code VARCHAR NOT NULL,
        month DATE NOT NULL,
        kpi VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        value DOUBLE,
        reference JSON
      );
    `,
  },
  {
    version: 3,
    name: 'assessments: on-site checklist visits and their scores',
    sql: `
      CREATE SEQUENCE assessment_id_seq START 1;
      CREATE TABLE assessments (
        id BIGINT PRIMARY KEY,
        dealer_code VARCHAR NOT NULL,
        assessed_on DATE NOT NULL,
        assessor VARCHAR,
        template_id VARCHAR NOT NULL,
        template_version INTEGER NOT NULL,
        total DOUBLE NOT NULL,
        max DOUBLE NOT NULL,
        passed BOOLEAN NOT NULL,
        complete BOOLEAN NOT NULL,
        notes VARCHAR,
        scorecard JSON NOT NULL,
        created_at TIMESTAMP NOT NULL
      );
      CREATE TABLE assessment_scores (
        assessment_id BIGINT NOT NULL,
        id VARCHAR NOT NULL,
        score DOUBLE NOT NULL,
        note VARCHAR
      );
    `,
  },
  {
    version: 4,
    name: 'API access: users with roles, their tokens stored as hashes',
    sql: `
      CREATE SEQUENCE token_id_seq START 1;
      CREATE TABLE users (
        name VARCHAR PRIMARY KEY,
        role VARCHAR NOT NULL,
        dealer_code VARCHAR,
        created_at TIMESTAMP NOT NULL
      );
      CREATE TABLE tokens (
        id BIGINT PRIMARY KEY,
        user_name VARCHAR NOT NULL,
        hash VARCHAR NOT NULL UNIQUE,
        created_at TIMESTAMP NOT NULL,
        last_used_at TIMESTAMP
      );
    `,
  },
  {
    // Never lose a month: rows a load replaces move to a side table per kind (reads of the live
    // tables stay as they were), each load's slices are counted, and an undo can put them back.
    version: 5,
    name: 'undo: replaced rows kept aside, per-slice counts of each load, undo links in the load log',
    sql: `
      CREATE TABLE repair_orders_replaced AS SELECT * FROM repair_orders LIMIT 0;
      ALTER TABLE repair_orders_replaced ADD COLUMN replaced_by BIGINT;
      CREATE TABLE bookings_replaced AS SELECT * FROM bookings LIMIT 0;
      ALTER TABLE bookings_replaced ADD COLUMN replaced_by BIGINT;
      CREATE TABLE accident_repairs_replaced AS SELECT * FROM accident_repairs LIMIT 0;
      ALTER TABLE accident_repairs_replaced ADD COLUMN replaced_by BIGINT;
      CREATE TABLE load_slices (
        load_id BIGINT NOT NULL,
        kind VARCHAR NOT NULL,
        dealer_code VARCHAR NOT NULL,
        month DATE NOT NULL,
        rows_before BIGINT NOT NULL,
        rows_after BIGINT NOT NULL
      );
      CREATE TABLE load_created_dealers (
        load_id BIGINT NOT NULL,
        dealer_code VARCHAR NOT NULL
      );
      ALTER TABLE loads ADD COLUMN undoes BIGINT;
      ALTER TABLE loads ADD COLUMN undone_by BIGINT;
    `,
  },
  accountsMigration,
  {
    version: 7,
    name: 'Rejected rows keep the dealer they name; loads keep how many rejects were stored and their true count per dealer',
    sql: `
      ALTER TABLE rejected_rows ADD COLUMN dealer_code VARCHAR;
      ALTER TABLE loads ADD COLUMN rejects_stored BIGINT;
      ALTER TABLE loads ADD COLUMN rejects_by_dealer JSON;
    `,
  },
  auditMigration,
  assessmentDraftsMigration,
  scorecardsMigration,
  actionsMigration,
  warmingMigration,
  kpiCatalogueMigration,
  visitOrderMigration,
  dealerNamesMigration,
  kpiGroupsMigration,
];
