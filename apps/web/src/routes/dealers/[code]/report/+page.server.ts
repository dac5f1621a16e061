// /dealers/CODE/report?month=YYYY-MM: the assessment report, drawn by the report components from
// the API's report model (JSON), with a print button, the standalone page and the Markdown.
// Without ?month: the dealer's latest month, or its newest visit's data month.

import { isMonth } from '@fixops/shared';
import type { PageServerLoad } from './$types';
import type { ReportModel } from '@fixops/assessment/view';
import { must, type AssessmentSummary, type DealerSummary } from '$lib/api';


export const load: PageServerLoad = async ({ fetch, url, params, locals }) => {
  const code = encodeURIComponent(params.code);
  const [dealer, visits] = await Promise.all([
    must<DealerSummary>(fetch, `/api/dealers/${code}`, url),
    must<AssessmentSummary[]>(fetch, `/api/dealers/${code}/assessments`, url),
  ]);
  const asked = url.searchParams.get('month');
  // A visit belongs to a data month: the newest visit's report is its month's.
  const newestVisit = visits[0]?.month ?? null;
  const fallback = [dealer.latestMonth, newestVisit].filter((m): m is string => m !== null).sort().at(-1) ?? new Date().toISOString().slice(0, 7);
  const month = asked && isMonth(asked) ? asked : fallback;
  const src = `/api/dealers/${code}/report?${new URLSearchParams({ month, lang: locals.lang })}`;
  const report = await must<ReportModel>(fetch, `/api/dealers/${code}/report/model?${new URLSearchParams({ month })}`, url);
  return {
    dealer: { code: dealer.code, name: dealer.name, latestMonth: dealer.latestMonth },
    month,
    hasData: dealer.latestMonth !== null || visits.length > 0,
    src,
    markdown: `/api/dealers/${code}/report?${new URLSearchParams({ month, lang: locals.lang, format: 'md' })}`,
    report,
  };
};
