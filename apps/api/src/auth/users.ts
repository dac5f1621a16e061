// Users, tokens and sessions live in @fixops/accounts (the CLI uses them too); the API's
// modules take their types from here.

export type { Access, Role, User } from '@fixops/accounts';
