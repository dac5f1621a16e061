// Action plans (整改计划) and the measured effect of coaching: the browser-safe part (shapes,
// effect maths, words) and the database side (store, effects, module names).

export * from './view.js';
export * from './store.js';
export * from './effects.js';
export { moduleName, DEALER_TEMPLATE } from './modules.js';
