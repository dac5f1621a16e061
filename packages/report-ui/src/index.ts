// The report for Node: the Svelte components rendered with svelte/server into a standalone,
// printable page (used by `fixops report --format html` and the API's HTML report).

import { render } from 'svelte/server';
import type { ReportModel } from '@fixops/assessment/view';
import type { Lang } from '@fixops/shared';
import type { ActionWithEffect } from '@fixops/actions/view';
import { reportDocument } from './document.js';
// dist/Report.svelte.js, compiled by scripts/compile-svelte.mjs (typed by Report.svelte.d.ts)
import Report from './Report.svelte.js';

/** `actions`: the dealer's action plan for the 整改跟踪 section (left out when not given). */
export function renderReportHtml(model: ReportModel, lang: Lang = 'zh', actions?: readonly ActionWithEffect[]): string {
  return reportDocument(render(Report, { props: { model, lang, ...(actions ? { actions } : {}) } }), model, lang);
}
