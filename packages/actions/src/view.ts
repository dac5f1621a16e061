// The Node-free part of @fixops/actions (@fixops/actions/view), for the dashboard and the report
// components: the shapes, the effect maths and the words. Never imports the database side.

export * from './effect.js';
export * from './types.js';
export * from './words.js';
