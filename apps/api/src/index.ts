export { buildApp, type AppOptions } from './app.js';
export { startServer, API_APP, type ServeOptions } from './server.js';
export type { NodeHandler } from './web.js';
export { addUser, listUsers, createToken, getUser, ROLES, type Role, type User } from './auth/users.js';
export { DEFAULT_MAX_UPLOAD_BYTES } from './routes/uploads.js';
