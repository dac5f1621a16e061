// The API's contract: one module per resource, re-exported flat. Both the API (validation,
// serialisation, OpenAPI) and the dashboard (types via Static<>) import from here.

export * from './common.js';
export * from './assessments.js';
export * from './auth.js';
export * from './dashboard.js';
export * from './dealers.js';
export * from './flags.js';
export * from './kpis.js';
export * from './loads.js';
export * from './settings.js';
export * from './templates.js';
export * from './report.js';
export * from './accounts.js';
export * from './coverage.js';
export * from './audit.js';
export * from './scorecards.js';
export * from './actions.js';
export * from './dealerMaster.js';
export * from './kpi-rows.js';
export * from './comparisons.js';
