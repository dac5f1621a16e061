export { buildApp, type AppOptions } from './app.js';
export { startServer, API_APP, type ServeOptions } from './server.js';
export type { NodeHandler } from './web.js';
// Kept for callers that still take these from the API (the web e2e harness); they live in @fixops/accounts.
export { addUser, listUsers, createToken, getUser, ROLES, type Role, type User } from '@fixops/accounts';
export { DEFAULT_MAX_UPLOAD_BYTES } from './routes/uploads.js';
