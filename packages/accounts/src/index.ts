// Users, their tokens and their sessions, with their whole lifecycle: the one place both the
// CLI (`fixops users`, `fixops tokens`) and the API (login, /api/users, /api/tokens) use.

export * from './hash.js';
export * from './users.js';
export * from './expiry.js';
export * from './tokens.js';
export * from './sessions.js';
export * from './loginLimit.js';
export type { Access } from './access.js';
