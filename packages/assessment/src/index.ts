export * from './store.js';
export * from './model.js';
export * from './templates.js';
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { rateBarChart, sparkline } from './svg.js';
