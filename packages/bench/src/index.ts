export * from './stats.js';
export * from './format.js';
export * from './result.js';
export * from './doc.js';
export * from './machine.js';
export * from './summary.js';
