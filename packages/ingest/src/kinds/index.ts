export * from './catalog.js';
export * from './types.js';
export * from './fieldNames.js';
