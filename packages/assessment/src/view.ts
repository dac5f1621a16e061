// The Node-free part of the report (@fixops/assessment/view), for renderers that run in the
// browser as well as on the server: the report's wording, number formats and chart geometry.
// It never imports the database side of this package.

export { t, type LabelKey } from './labels.js';
export { incompleteText, kpiName, num, partialRateOf, passPoints, pct } from './format.js';
export { rateBarLayout, sparklineShape, type RateBar, type RateBarLayout, type RateBarRow, type SparklineShape } from './chart.js';
export type { KpiTrend, ReportModel, WeakModule } from './model.js';
