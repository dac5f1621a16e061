export * from './errors.js';
export * from './lang.js';
export * from './month.js';
export * from './closest.js';
export * from './origin.js';
