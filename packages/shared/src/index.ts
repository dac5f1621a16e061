export * from './errors.js';
export * from './lang.js';
export * from './month.js';
export * from './closest.js';
export * from './csv.js';
export * from './format.js';
export * from './json-path.js';
export * from './origin.js';
