// /dealers/CODE/report?month=YYYY-MM: the assessment report the API renders (standalone,
// printable A4 HTML), framed in the dashboard with a print button and the standalone link.
// Without ?month the dealer's latest month (or the current one) is shown.

import type { PageServerLoad } from './$types';
import { must, type AssessmentSummary, type DealerSummary } from '$lib/api';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const load: PageServerLoad = async ({ fetch, url, params, locals }) => {
  const code = encodeURIComponent(params.code);
  const [dealer, visits] = await Promise.all([
    must<DealerSummary>(fetch, `/api/dealers/${code}`, url),
    must<AssessmentSummary[]>(fetch, `/api/dealers/${code}/assessments`, url),
  ]);
  const asked = url.searchParams.get('month');
  const newestVisit = visits[0]?.date.slice(0, 7) ?? null;
  const fallback = [dealer.latestMonth, newestVisit].filter((m): m is string => m !== null).sort().at(-1) ?? new Date().toISOString().slice(0, 7);
  const month = asked && MONTH.test(asked) ? asked : fallback;
  const q = new URLSearchParams({ month, lang: locals.lang });
  return {
    dealer: { code: dealer.code, name: dealer.name, latestMonth: dealer.latestMonth },
    month,
    hasData: dealer.latestMonth !== null || visits.length > 0,
    src: `/api/dealers/${code}/report?${q}`,
    markdown: `/api/dealers/${code}/report?${new URLSearchParams({ month, lang: locals.lang, format: 'md' })}`,
    visits: visits.map((v) => ({ id: v.id, date: v.date, total: v.total, max: v.max })),
  };
};
