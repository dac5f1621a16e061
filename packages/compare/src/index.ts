// @fixops/compare: scripted benchmark comparisons across dealers — comparison files (YAML),
// their validation, a composite scorecard out of 1000 points with bands, ranks, changes and gaps,
// and its renderers (Markdown, CSV, JSON, printable HTML).

export * from './types.js';
export { COMPARISON_SCHEMA } from './schema.js';
export { loadComparison, loadComparisonFile, inFile, COMPARISONS_DIR, comparisonsDir, DEFAULT_BANDS } from './load.js';
export { resolveComponents } from './components.js';
export { attainment, pointsOf, roundScore, bandOf, ranks, median, scoreDealers, medians, biggestGaps } from './score.js';
export { selectDealers, describeSelector } from './select.js';
export { runComparison, type RunOptions } from './run.js';
export { renderMarkdown, gapText } from './markdown.js';
export { renderCsv, renderJson } from './csv.js';
export { renderHtml } from './html.js';
export { scoreChart, gapChart } from './svg.js';
export { formulaText, valueText, unitsText, pts, signed, componentLabel, t as label } from './labels.js';
