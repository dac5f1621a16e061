export * from './database.js';
export * from './migrate.js';
export * from './migrations.js';
export * from './query.js';
export * from './sql.js';
export * from './parquet.js';
export * from './where.js';
