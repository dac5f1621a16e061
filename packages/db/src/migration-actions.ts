// Migration 11 (helper A16c): action plans (整改计划). An action targets one weakness of one
// dealer — a KPI or a checklist module — with a title, an owner, a due date and a status
// (open / done / verified). Every status change and note is one row of action_events, so who
// marked what and when stays readable next to the audit log.

import type { Migration } from './migrations.js';

export const actionsMigration: Migration = {
  version: 11,
  name: 'action plans: actions against a KPI or a checklist module, their status changes and notes',
  sql: `
    CREATE SEQUENCE action_id_seq START 1;
    CREATE TABLE actions (
      id BIGINT PRIMARY KEY,
      dealer_code VARCHAR NOT NULL,
      target_kind VARCHAR NOT NULL,
      target VARCHAR NOT NULL,
      title VARCHAR NOT NULL,
      owner VARCHAR NOT NULL,
      due DATE NOT NULL,
      status VARCHAR NOT NULL,
      created_on DATE NOT NULL,
      created_by VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL,
      updated_at TIMESTAMP NOT NULL
    );
    CREATE TABLE action_events (
      action_id BIGINT NOT NULL,
      logged_at TIMESTAMP NOT NULL,
      actor VARCHAR NOT NULL,
      status VARCHAR,
      note VARCHAR
    );
  `,
};
