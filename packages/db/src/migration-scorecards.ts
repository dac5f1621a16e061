// Migration 10 (helper A16b; 9 is assessment drafts/visit month): staff and supplier scorecards.
// People of a dealer added by hand (advisors seen in repair orders need no row until scored),
// each person's monthly scorecards on a points template, the network's suppliers with their
// class, and one rating per supplier and month on the weighted supplier template.

import type { Migration } from './migrations.js';

export const scorecardsMigration: Migration = {
  version: 10,
  name: 'staff and supplier scorecards: people, their scorecards, suppliers and their monthly ratings',
  sql: `
    CREATE TABLE staff (
      dealer_code VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      role VARCHAR NOT NULL,
      added_by VARCHAR NOT NULL,
      added_at TIMESTAMP NOT NULL,
      PRIMARY KEY (dealer_code, name)
    );
    CREATE SEQUENCE staff_scorecard_id_seq START 1;
    CREATE TABLE staff_scorecards (
      id BIGINT PRIMARY KEY,
      dealer_code VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      month VARCHAR NOT NULL,
      assessor VARCHAR,
      template_id VARCHAR NOT NULL,
      template_version INTEGER NOT NULL,
      total DOUBLE NOT NULL,
      max DOUBLE NOT NULL,
      passed BOOLEAN NOT NULL,
      notes VARCHAR,
      scores JSON NOT NULL,
      scorecard JSON NOT NULL,
      created_at TIMESTAMP NOT NULL
    );
    CREATE SEQUENCE supplier_id_seq START 1;
    CREATE TABLE suppliers (
      id BIGINT PRIMARY KEY,
      name VARCHAR NOT NULL UNIQUE,
      class VARCHAR NOT NULL,
      added_by VARCHAR NOT NULL,
      added_at TIMESTAMP NOT NULL
    );
    CREATE TABLE supplier_ratings (
      supplier_id BIGINT NOT NULL,
      month VARCHAR NOT NULL,
      template_id VARCHAR NOT NULL,
      template_version INTEGER NOT NULL,
      dimensions JSON NOT NULL,
      composite DOUBLE NOT NULL,
      grade VARCHAR NOT NULL,
      rater VARCHAR,
      notes VARCHAR,
      rating JSON NOT NULL,
      created_at TIMESTAMP NOT NULL,
      PRIMARY KEY (supplier_id, month)
    );
  `,
};
