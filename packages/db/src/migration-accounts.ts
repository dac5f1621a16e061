// Migration 6 (helper B's number; 5 is left for the undo-loads migration being written beside
// it): the lifecycle of users, tokens and sessions. Tokens expire and can be revoked, users
// can be disabled, and sessions live in the database (as SHA-256 hashes) so they survive a
// restart. Tokens made before this version get the default 90 days from the upgrade, so an
// upgrade never locks anyone out at once.

import type { Migration } from './migrations.js';

export const accountsMigration: Migration = {
  version: 6,
  name: 'accounts: token expiry and revocation, disabled users, stored sessions',
  sql: `
    ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP;
    ALTER TABLE tokens ADD COLUMN expires_at TIMESTAMP;
    ALTER TABLE tokens ADD COLUMN revoked_at TIMESTAMP;
    UPDATE tokens SET expires_at = current_timestamp::TIMESTAMP + INTERVAL 90 DAY;
    CREATE TABLE sessions (
      hash VARCHAR PRIMARY KEY,
      token_id BIGINT NOT NULL,
      created_at TIMESTAMP NOT NULL,
      expires_at TIMESTAMP NOT NULL
    );
  `,
};
