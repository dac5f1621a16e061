// @fixops/scorecards: scorecards of people and suppliers — a dealer's staff (repair-order
// advisors and people added by hand) scored on the staff templates, and the network's
// suppliers rated monthly with grades and the disqualify/suspend rules. Scoring is the
// checklist package's; this package stores, lists and judges over time.

export * from './roles.js';
export * from './trend.js';
export * from './staff-sheet.js';
export * from './staff.js';
export * from './supplier-status.js';
export * from './suppliers.js';
export { findTemplate } from '@fixops/assessment';
