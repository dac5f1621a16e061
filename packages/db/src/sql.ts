// Identifiers and paths that must be spliced into SQL go through DuckDB's own quoting.
export { quotedIdentifier, quotedString } from '@duckdb/node-api';
