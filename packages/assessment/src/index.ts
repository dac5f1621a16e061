export * from './store.js';
export * from './model.js';
export * from './templates.js';
export * from './view.js';
export { renderMarkdown } from './markdown.js';
export * from './visit.js';
