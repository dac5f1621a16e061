// /comparisons/ID?month=YYYY-MM: one comparison scored for a month (default: the file's month,
// usually the latest) — the API answers a dealer user with itself and anonymous peers. A month
// without values shows the reason with the month picker, not an error page.

import { error } from '@sveltejs/kit';
import { isMonth } from '@fixops/shared';
import type { PageServerLoad } from './$types';
import { must, request } from '$lib/api';
import type { Scorecard } from '$lib/comparisons/model';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const asked = url.searchParams.get('month');
  const month = asked && isMonth(asked) ? asked : null;
  const path = `/api/comparisons/${encodeURIComponent(params.id)}`;
  if (month === null) return { card: await must<Scorecard>(fetch, path, url), problem: null, month: null };
  const r = await request<Scorecard>(fetch, `${path}?month=${month}`);
  if (r.ok) return { card: r.value, problem: null, month };
  if (r.problem.code !== 'compare_no_data') {
    await must(fetch, `${path}?month=${month}`, url);
    error(r.problem.status, { message: r.problem.message, code: r.problem.code });
  }
  // The month has no values: the file's own month for the picker and the words, with the reason.
  return { card: await must<Scorecard>(fetch, path, url), problem: r.problem.message, month };
};
