// Migration 8 (helper H13b; 5 is undo loads, 6 accounts, 7 rejected rows per dealer): the audit log. Every
// write — loads, undo, confirmations, settings, users, tokens, dealers, assessments — leaves one
// row: who, when, from where (cli / api and the address) and what changed as JSON. Append-only:
// nothing in the product updates or deletes a row (a test greps the source for it).

import type { Migration } from './migrations.js';

export const auditMigration: Migration = {
  version: 8,
  name: 'audit log: who changed what, when and from where (append-only)',
  sql: `
    CREATE SEQUENCE audit_id_seq START 1;
    CREATE TABLE audit_log (
      id BIGINT PRIMARY KEY,
      logged_at TIMESTAMP NOT NULL,
      actor VARCHAR NOT NULL,
      via VARCHAR NOT NULL,
      ip VARCHAR,
      action VARCHAR NOT NULL,
      target VARCHAR,
      detail JSON NOT NULL
    );
  `,
};
