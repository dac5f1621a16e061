// The report for Node: the Svelte components rendered with svelte/server into a standalone,
// printable page (used by `fixops report --format html` and the API's HTML report).

import { render } from 'svelte/server';
import type { ReportModel } from '@fixops/assessment/view';
import type { Lang } from '@fixops/shared';
import { reportDocument } from './document.js';
// dist/Report.svelte.js, compiled by scripts/compile-svelte.mjs (typed by Report.svelte.d.ts)
import Report from './Report.svelte.js';

export function renderReportHtml(model: ReportModel, lang: Lang = 'zh'): string {
  return reportDocument(render(Report, { props: { model, lang } }), model, lang);
}
